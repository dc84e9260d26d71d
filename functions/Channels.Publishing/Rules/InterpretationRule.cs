namespace Channels.Publishing.Rules;

public enum InterpretationMode
{
    /// <summary>National rule: 解读材料与政策文件同步组织、同步审签、同步部署 — released the same China calendar day.</summary>
    Simultaneous,

    /// <summary>Local rule (e.g. 郑州 2016): at the latest N working days after the policy is published.</summary>
    WithinWorkingDays,
}

/// <summary>When a policy interpretation (政策解读) is due relative to its policy document's publication.</summary>
public sealed record InterpretationRule
{
    InterpretationRule(InterpretationMode mode, int workingDayLimit) => (Mode, WorkingDayLimit) = (mode, workingDayLimit);

    public static InterpretationRule Simultaneous { get; } = new(InterpretationMode.Simultaneous, 0);

    public static InterpretationRule WithinWorkingDays(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return new(InterpretationMode.WithinWorkingDays, n);
    }

    public InterpretationMode Mode { get; }

    /// <summary>N of <see cref="InterpretationMode.WithinWorkingDays"/>; 0 for simultaneous release.</summary>
    public int WorkingDayLimit { get; }

    /// <summary>The last China calendar day on which the interpretation is on time.</summary>
    public DateOnly DueDate(DateOnly policyDate, WorkingDays cal)
    {
        ArgumentNullException.ThrowIfNull(cal);
        return Mode == InterpretationMode.Simultaneous ? policyDate : cal.AddWorkingDays(policyDate, WorkingDayLimit);
    }

    /// <summary>The requirement as a message writes it: "应与政策文件同步（2024-03-01当日）发布".</summary>
    internal string Requirement(DateOnly due) => Mode == InterpretationMode.Simultaneous
        ? $"应与政策文件同步（{RuleText.Date(due)}当日）发布"
        : $"应在{WorkingDayLimit}个工作日内（{RuleText.Date(due)}前，含当日）发布";
}
