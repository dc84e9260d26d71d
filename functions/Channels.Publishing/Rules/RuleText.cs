using System.Globalization;
using Channels.Publishing.Items;

namespace Channels.Publishing.Rules;

/// <summary>Dates, durations and names as the rules' Chinese messages write them (China time).</summary>
internal static class RuleText
{
    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(ChinaTime.ToChina(instant).DateTime);

    /// <summary>00:00 China time of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOfChinaDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"4小时12分钟", "45分钟", "5小时", "不足1分钟" (whole minutes, rounded down).</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Floor(Math.Abs(span.TotalMinutes));
        var (h, m) = (minutes / 60, minutes % 60);
        return (h, m) switch
        {
            (0, 0) => "不足1分钟",
            (0, _) => $"{m}分钟",
            (_, 0) => $"{h}小时",
            _ => $"{h}小时{m}分钟",
        };
    }

    /// <summary>"N个工作日" late, or "N天" when every late day is a non-working day (e.g. a weekend after the due date).</summary>
    public static string Overrun(WorkingDays cal, DateOnly due, DateOnly actual)
    {
        var working = cal.WorkingDaysBetween(due, actual);
        return working > 0 ? $"{working}个工作日" : $"{actual.DayNumber - due.DayNumber}天";
    }

    public const string EstimateNote = "（该年度节假日安排未收录，按周末推算）";
}
