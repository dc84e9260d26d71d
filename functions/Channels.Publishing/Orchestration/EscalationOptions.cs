using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The emergency clock (国办发〔2016〕80号: authoritative information within 5 hours of a major incident): the deadline,
/// how long before it to warn, and the duty officers' mobile numbers that get the escalation SMS.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Channels:Emergency";

    [Range(1, 48)] public int DeadlineHours { get; set; } = 5;
    [Range(0, 2880)] public int WarnMinutesBefore { get; set; } = 60;
    public List<string> DutyOfficers { get; set; } = [];

    public EmergencyClockPolicy ClockFor(DateTimeOffset incidentAt)
    {
        var deadline = incidentAt.AddHours(DeadlineHours);
        var warn = deadline.AddMinutes(-Math.Min(WarnMinutesBefore, DeadlineHours * 60));
        return new EmergencyClockPolicy(incidentAt, warn, deadline);
    }

    /// <summary>The same clock for reports (pure evaluation of what happened).</summary>
    public Rules.EmergencyClock Clock(Channels.ChannelCatalog? channels = null) => new(new Rules.EmergencyOptions { DeadlineHours = DeadlineHours,
        WarnMinutesBefore = Math.Min(WarnMinutesBefore, DeadlineHours * 60) }, channels);
}
