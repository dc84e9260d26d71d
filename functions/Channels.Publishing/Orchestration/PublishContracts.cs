using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>Orchestration input: ids and settings only (the item itself stays in the archive blob).</summary>
public sealed record PublishRequest(
    string ItemId,
    DateTimeOffset PublishAt,
    IReadOnlyList<string> Channels,
    DeliveryPolicy Policy,
    EmergencyClockPolicy? Emergency = null);

/// <summary>
/// The 5-hour clock of an emergency item (重大突发事件): from <see cref="IncidentAt"/>, a warning at
/// <see cref="WarnAt"/> and a breach at <see cref="DeadlineAt"/> if any channel is still not delivered.
/// </summary>
public sealed record EmergencyClockPolicy(DateTimeOffset IncidentAt, DateTimeOffset WarnAt, DateTimeOffset DeadlineAt);

/// <summary>External event "schedule": an editor moves a scheduled publication (new time) or cancels it.</summary>
public sealed record ScheduleChange(DateTimeOffset? PublishAt, bool Cancel, string By, string? Reason);

/// <summary>Activity input: the clock of an emergency publication reached a point with channels still undelivered.</summary>
public sealed record Escalation(string ItemId, string Kind, DateTimeOffset IncidentAt, DateTimeOffset DeadlineAt, DateTimeOffset At);

/// <summary>Activity input: records a schedule change (moved or cancelled) on the publication.</summary>
public sealed record ScheduleRecord(string ItemId, ScheduleChange Change);

/// <summary>
/// Retry and verdict settings, fixed when the publication is submitted so replays see the same values. A verdict is
/// awaited as an event (<see cref="VerdictSignal"/>); the fallback poll waits VerdictPollSeconds, doubling up to
/// VerdictPollMaxSeconds, for at most VerdictWindowSeconds; one run of the waiting orchestration holds at most
/// VerdictWaitsPerRun waits, then continues as new (bounded history).
/// </summary>
public sealed record DeliveryPolicy(
    int MaxAttempts = 5,
    double FirstRetrySeconds = 2,
    double MaxRetrySeconds = 60,
    double VerdictPollSeconds = 5,
    int RecoveryRounds = 2,
    double RecoveryDelaySeconds = 60,
    int MaxDeferrals = 8,
    double VerdictPollMaxSeconds = 1800,
    double VerdictWindowSeconds = 259_200,
    int VerdictWaitsPerRun = 20,
    IReadOnlyList<string>? Paced = null)
{
    /// <summary>
    /// Whether the channel waits for a slot before its first send (<see cref="Channels.ChannelDescriptor.Paced"/>, copied
    /// from the registered channels when the orchestration starts). An input written before the list was kept: the
    /// built-in channels' pacing, so its replay takes the same steps.
    /// </summary>
    public bool IsPaced(string channel) => Paced?.Contains(channel, StringComparer.Ordinal) ?? Channels.ChannelCatalog.BuiltIn.IsPaced(channel);

    /// <summary>The fallback poll's wait before check number <paramref name="round"/> + 1: VerdictPollSeconds × 2^round, capped.</summary>
    public double VerdictPollDelaySeconds(int round) =>
        Math.Min(VerdictPollMaxSeconds, VerdictPollSeconds * Math.Pow(2, Math.Min(round, 30)));

    /// <summary>The durable retry policy of every channel activity: MaxAttempts, exponential from FirstRetrySeconds (×2) up to MaxRetrySeconds.</summary>
    public TaskOptions RetryOptions() => TaskOptions.FromRetryPolicy(new RetryPolicy(
        MaxAttempts, TimeSpan.FromSeconds(FirstRetrySeconds), 2.0, TimeSpan.FromSeconds(MaxRetrySeconds)));
}

/// <summary>Activity input: one step on one channel of one item.</summary>
public sealed record ChannelTask(string ItemId, string Channel, bool Check = false, DateTimeOffset? PublishAt = null);

/// <summary>
/// Activity result: the channel's ledger state after the step. <see cref="NotBefore"/> is set when the platform's
/// quota or rate limit deferred the step: the orchestration waits until then on a durable timer.
/// </summary>
public sealed record ChannelOutcome(string Channel, string State, string? Url = null, string? PlatformId = null, string? Error = null,
    DateTimeOffset? NotBefore = null);

/// <summary>Marks a channel failed for good (retries exhausted, or no verdict in time).</summary>
public sealed record ChannelFailure(string ItemId, string Channel, string Reason);

/// <summary>Sets the publication's overall status.</summary>
public sealed record StatusChange(string ItemId, string Status, bool Completed);

/// <summary>Orchestration output.</summary>
public sealed record PublicationOutcome(string ItemId, string Status, IReadOnlyList<ChannelOutcome> Channels);

/// <summary>When a channel may send an item (null = now), decided by the channel's pacer.</summary>
public sealed record DeliverySlot(DateTimeOffset? NotBefore);
