using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Rules;

/// <summary>Which 政策解读 rule the office follows: the national simultaneous release, or a local N-working-day rule.</summary>
public sealed class InterpretationOptions
{
    public const string SectionName = "Channels:Rules:Interpretation";
    public const string SimultaneousMode = "simultaneous";
    public const string WorkingDaysMode = "working-days";

    [Required]
    [AllowedValues(SimultaneousMode, WorkingDaysMode)]
    public string Mode { get; set; } = SimultaneousMode;

    /// <summary>N when <see cref="Mode"/> is "working-days" (郑州's rule is 3).</summary>
    [Range(1, 20)]
    public int WorkingDays { get; set; } = 3;

    public InterpretationRule ToRule() => Mode switch
    {
        SimultaneousMode => InterpretationRule.Simultaneous,
        WorkingDaysMode => InterpretationRule.WithinWorkingDays(WorkingDays),
        _ => throw new InvalidOperationException($"unknown interpretation mode '{Mode}'"),
    };
}
