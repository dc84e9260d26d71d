using System.Globalization;
using System.Text.Json;

namespace Channels.Publishing.Rules;

/// <summary>Reads holidays-cn.json (embedded as rules/holidays-cn.json) into a <see cref="WorkingDays"/> calendar.</summary>
public static class HolidayData
{
    public const string ResourceName = "rules/holidays-cn.json";
    public const string Published = "published";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WorkingDays LoadEmbedded()
    {
        using var stream = OpenEmbedded();
        return Load(stream);
    }

    public static Stream OpenEmbedded() => typeof(HolidayData).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");

    public static WorkingDays Load(Stream json) => FromFile(ReadFile(json));

    public static HolidayFile ReadFile(Stream json) => JsonSerializer.Deserialize<HolidayFile>(json, Json)
        ?? throw new InvalidDataException("empty holiday data");

    public static WorkingDays FromFile(HolidayFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var off = new List<DateOnly>();
        var work = new List<DateOnly>();
        foreach (var year in file.Years)
        {
            foreach (var h in year.Holidays)
            {
                var (from, to) = (Parse(h.From), Parse(h.To));
                if (to < from || to.DayNumber - from.DayNumber > 30)
                {
                    throw new InvalidDataException($"{year.Year} {h.Name}: bad range {h.From}..{h.To}");
                }

                for (var d = from; d <= to; d = d.AddDays(1))
                {
                    off.Add(d);
                }
            }

            work.AddRange(year.Workdays.Select(w => Parse(w.Date)));
        }

        var covered = file.Years.Where(y => y.Status == Published).Select(y => y.Year);
        return new WorkingDays(off, work, covered);
    }

    static DateOnly Parse(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record HolidayFile
{
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<HolidayYear> Years { get; init; } = [];
}

/// <summary>One notice year: status "published" (the notice's arrangement) or "not-yet-published" (partial fallback).</summary>
public sealed record HolidayYear
{
    public int Year { get; init; }
    public string Status { get; init; } = "";
    public string Confidence { get; init; } = "";
    public string Source { get; init; } = "";
    public string? Url { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<HolidayRange> Holidays { get; init; } = [];
    public IReadOnlyList<AdjustedWorkday> Workdays { get; init; } = [];
}

public sealed record HolidayRange(string Name, string From, string To);

public sealed record AdjustedWorkday(string Date, string For);
