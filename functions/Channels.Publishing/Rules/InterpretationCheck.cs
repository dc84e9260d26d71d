namespace Channels.Publishing.Rules;

public enum InterpretationStatus
{
    /// <summary>Published by the due date.</summary>
    OnTime,

    /// <summary>Published, but after the due date.</summary>
    Late,

    /// <summary>Not published and the due date has passed.</summary>
    Overdue,

    /// <summary>Not published yet, still within time.</summary>
    Pending,
}

/// <summary>
/// One interpretation checked against its rule. <see cref="DueAt"/> is the first instant at which it is late:
/// 00:00 China time of the day after <see cref="DueDate"/>.
/// </summary>
public sealed record InterpretationResult(InterpretationStatus Status, DateOnly DueDate, DateTimeOffset DueAt, string Reason);

/// <summary>Checks a policy interpretation (its item's <c>interprets</c> names the policy item) against the configured rule.</summary>
public static class InterpretationCheck
{
    public static InterpretationResult Evaluate(
        DateTimeOffset policyPublishedAt, DateTimeOffset? interpretationPublishedAt, InterpretationRule rule, DateTimeOffset now, WorkingDays cal)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(cal);
        var policy = RuleText.ChinaDate(policyPublishedAt);
        var due = rule.DueDate(policy, cal);
        var dueAt = RuleText.StartOfChinaDay(due.AddDays(1));
        var head = $"政策文件于{RuleText.Date(policy)}公开，解读{rule.Requirement(due)}";

        if (interpretationPublishedAt is { } at)
        {
            var published = RuleText.ChinaDate(at);
            return published <= due
                ? new(InterpretationStatus.OnTime, due, dueAt, $"{head}，实际于{RuleText.Date(published)}发布，按时")
                : new(InterpretationStatus.Late, due, dueAt,
                    $"{head}，实际于{RuleText.Date(published)}发布，超期{RuleText.Overrun(cal, due, published)}");
        }

        var today = RuleText.ChinaDate(now);
        if (now >= dueAt)
        {
            return new(InterpretationStatus.Overdue, due, dueAt, $"{head}，至今未发布，已超期{RuleText.Overrun(cal, due, today)}");
        }

        var left = cal.WorkingDaysBetween(today, due);
        var tail = left > 0 ? $"尚未发布，还剩{left}个工作日" : "尚未发布，今日为最后期限";
        return new(InterpretationStatus.Pending, due, dueAt, $"{head}，{tail}");
    }
}
