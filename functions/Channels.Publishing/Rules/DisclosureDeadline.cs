namespace Channels.Publishing.Rules;

/// <summary>
/// 条例第二十六条: information subject to proactive disclosure is published within 20 working days of the day it is
/// formed or changed. The day of formation is not counted; publication on the due date is on time. Dates are China
/// calendar days. (Where a law or regulation sets another period, pass it as <c>workingDays</c>.)
/// </summary>
public static class DisclosureDeadline
{
    public const int StatutoryWorkingDays = 20;

    /// <summary>The last China calendar day on which information formed at <paramref name="formedAt"/> is published on time.</summary>
    public static DateOnly DueDate(DateTimeOffset formedAt, WorkingDays cal, int workingDays = StatutoryWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(cal);
        return cal.AddWorkingDays(RuleText.ChinaDate(formedAt), workingDays);
    }

    public static DisclosureDeadlineResult Check(DateTimeOffset formedAt, DateTimeOffset publishedAt, WorkingDays cal, int workingDays = StatutoryWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(cal);
        var formed = RuleText.ChinaDate(formedAt);
        var published = RuleText.ChinaDate(publishedAt);
        var due = cal.AddWorkingDays(formed, workingDays);
        var taken = Math.Max(0, cal.WorkingDaysBetween(formed, published));
        var complete = cal.Covers(formed.Year) && cal.Covers(due.Year) && cal.Covers(published.Year);
        if (published <= due)
        {
            return new(due, taken, false, null, complete);
        }

        var reason = $"信息形成于{RuleText.Date(formed)}，应于{RuleText.Date(due)}前（含当日）公开，" +
            $"实际于{RuleText.Date(published)}公开，超期{RuleText.Overrun(cal, due, published)}";
        return new(due, taken, true, complete ? reason : reason + RuleText.EstimateNote, complete);
    }
}

/// <summary>
/// The 20-working-day check of one item. <see cref="CalendarComplete"/> is false when a year involved has no official
/// holiday arrangement in the data (the due date is then an estimate from weekends).
/// </summary>
public sealed record DisclosureDeadlineResult(DateOnly DueDate, int WorkingDaysTaken, bool IsLate, string? Reason, bool CalendarComplete);
