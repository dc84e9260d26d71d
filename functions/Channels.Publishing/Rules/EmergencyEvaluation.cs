namespace Channels.Publishing.Rules;

public enum EmergencyStatus
{
    /// <summary>Published within the deadline.</summary>
    OnTime,

    /// <summary>Published after the deadline, or still unpublished once it has passed.</summary>
    Breached,

    /// <summary>Not published yet, deadline not reached.</summary>
    Pending,
}

/// <summary>One channel's clock: <see cref="TimeToPublish"/> from the incident to delivery (null while unpublished).</summary>
public sealed record EmergencyChannelClock(string Channel, DateTimeOffset? DeliveredAt, TimeSpan? TimeToPublish, EmergencyStatus Status, string Message);

/// <summary>
/// The 5-hour clock of one incident across its channels. <see cref="Breached"/>: some channel breached the deadline.
/// <see cref="Warning"/>: the warning point has passed, the deadline has not, and a channel is still pending.
/// </summary>
public sealed record EmergencyEvaluation(
    DateTimeOffset IncidentAt,
    DateTimeOffset Deadline,
    DateTimeOffset WarningAt,
    IReadOnlyList<EmergencyChannelClock> Channels,
    bool Breached,
    bool Warning,
    string Summary);
