using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Rules;

/// <summary>
/// 重大突发事件: authoritative information at the latest 5 hours after the incident (国办发〔2016〕80号 实施细则).
/// The warning goes out <see cref="WarnMinutesBefore"/> minutes before that deadline.
/// </summary>
public sealed class EmergencyOptions : IValidatableObject
{
    public const string SectionName = "Channels:Rules:Emergency";

    [Range(1, 48)]
    public int DeadlineHours { get; set; } = 5;

    [Range(0, 48 * 60)]
    public int WarnMinutesBefore { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WarnMinutesBefore > DeadlineHours * 60)
        {
            yield return new ValidationResult(
                $"WarnMinutesBefore ({WarnMinutesBefore}) must not exceed the deadline ({DeadlineHours * 60} minutes).", [nameof(WarnMinutesBefore)]);
        }
    }
}
