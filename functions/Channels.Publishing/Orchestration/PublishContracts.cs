namespace Channels.Publishing.Orchestration;

/// <summary>Orchestration input: ids and settings only (the item itself stays in the archive blob).</summary>
public sealed record PublishRequest(
    string ItemId,
    DateTimeOffset PublishAt,
    IReadOnlyList<string> Channels,
    DeliveryPolicy Policy);

/// <summary>Retry and verdict-polling settings, fixed when the publication is submitted so replays see the same values.</summary>
public sealed record DeliveryPolicy(
    int MaxAttempts = 5,
    double FirstRetrySeconds = 2,
    double MaxRetrySeconds = 60,
    double VerdictPollSeconds = 5,
    int MaxVerdictPolls = 120);

/// <summary>Activity input: one step on one channel of one item.</summary>
public sealed record ChannelTask(string ItemId, string Channel, bool Check = false);

/// <summary>Activity result: the channel's ledger state after the step.</summary>
public sealed record ChannelOutcome(string Channel, string State, string? Url = null, string? PlatformId = null, string? Error = null);

/// <summary>Marks a channel failed for good (retries exhausted, or no verdict in time).</summary>
public sealed record ChannelFailure(string ItemId, string Channel, string Reason);

/// <summary>Sets the publication's overall status.</summary>
public sealed record StatusChange(string ItemId, string Status, bool Completed);

/// <summary>Orchestration output.</summary>
public sealed record PublicationOutcome(string ItemId, string Status, IReadOnlyList<ChannelOutcome> Channels);

/// <summary>When a channel may send an item (null = now), decided by the channel's pacer.</summary>
public sealed record DeliverySlot(DateTimeOffset? NotBefore);
