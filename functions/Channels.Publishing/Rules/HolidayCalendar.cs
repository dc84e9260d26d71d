using Channels.Publishing.Office;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Rules;

/// <summary>
/// The working-day calendar of the deployment's region: the national data (rules/holidays-cn.json, the State Council's
/// yearly notices) plus Channels:Office:HolidayFile when set — a file in the same format whose years replace the
/// national ones of the same year and add the others (a region's own days off, e.g. a minority autonomous region's
/// festivals, are written there with the national days of that year).
/// </summary>
public sealed class HolidayCalendar(IOptions<OfficeOptions> office)
{
    readonly Lazy<WorkingDays> days = new(() => Load(office.Value.HolidayFile));

    public WorkingDays Days => days.Value;

    public static WorkingDays Load(string? regionalFile)
    {
        if (string.IsNullOrWhiteSpace(regionalFile)) return WorkingDays.China;
        using var national = HolidayData.OpenEmbedded();
        using var regional = File.OpenRead(regionalFile);
        return HolidayData.FromFile(Merge(HolidayData.ReadFile(national), HolidayData.ReadFile(regional)));
    }

    /// <summary>The national years, each replaced by the regional year of the same number; regional-only years added.</summary>
    public static HolidayFile Merge(HolidayFile national, HolidayFile regional)
    {
        var years = regional.Years.ToDictionary(y => y.Year);
        return new HolidayFile
        {
            Notes = [.. national.Notes, .. regional.Notes],
            Years = [.. national.Years.Where(y => !years.ContainsKey(y.Year)), .. regional.Years],
        };
    }
}
