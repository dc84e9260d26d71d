using Azure;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace Channels.Publishing.Ledger;

/// <summary>
/// The ledger row of one item on one channel: the intent written before any platform call, then the platform's ids
/// as they come back, then the final verdict. A retry reads this row first and never repeats a step already recorded.
/// Keyed partition = item id, row = "channel|item id" (<see cref="RowOf"/>): unique per row, so the emulator's row-key
/// index finds it at once as Azure's does (a row key that was just the channel name made the emulator walk every row
/// of that channel), and a range on the row key still lists one channel.
/// </summary>
public sealed class DeliveryEntry : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string ItemId => PartitionKey;
    [IgnoreDataMember]
    public string Channel => RowKey.Split('|', 2)[0];

    /// <summary>The row key of (item, channel).</summary>
    public static string RowOf(string itemId, string channel) => $"{channel}|{itemId}";

    /// <summary>An OData filter for the rows of one channel (row keys "channel|…").</summary>
    public static string ChannelFilter(string channel) => $"RowKey ge '{channel}|' and RowKey lt '{channel}}}'";
    public string State { get; set; } = DeliveryState.Intent;
    public string ContentHash { get; set; } = "";
    /// <summary>The platform's id of the post: page path, article_id, Weibo idstr, SMS SerialNos (comma-joined).</summary>
    public string? PlatformId { get; set; }
    public string? Url { get; set; }
    /// <summary>Intermediate ids of multi-step platforms (WeChat: media_id, publish_id), JSON.</summary>
    public string? Steps { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public int Units { get; set; }
    public DateTimeOffset IntentAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>When a paced channel may send (a Weibo slot, the end of SMS quiet hours), while it is queued.</summary>
    public DateTimeOffset? NotBefore { get; set; }
    /// <summary>How many times an admin has asked for a retry of this channel.</summary>
    public int Retries { get; set; }
    /// <summary>Every transition, timestamped, as JSON (<see cref="DeliveryHistory"/>).</summary>
    public string? History { get; set; }
}

/// <summary>
/// Delivery states of one channel. Queued waits for a sending slot; intent is written before any platform call
/// (sending); accepted is not delivered: it waits for the platform's final verdict. Failed, credentials-expired,
/// retracted and correction-sent end the orchestration's work on the channel; an admin can retry the first two.
/// </summary>
public static class DeliveryState
{
    public const string Queued = "queued";
    /// <summary>An ordinary WeChat item waiting for the daily digest (群发); the digest orchestration delivers it.</summary>
    public const string QueuedForDigest = "queued-digest";
    public const string Intent = "intent";
    public const string Accepted = "awaiting-verdict";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string CredentialsExpired = "credentials-expired";
    public const string Retracted = "retracted";
    public const string CorrectionSent = "correction-sent";

    public static bool IsFinal(string state) => state is Delivered or Failed or CredentialsExpired or Retracted or CorrectionSent;

    public static bool IsRetryable(string state) => state is Failed or CredentialsExpired;

    /// <summary>Ended without reaching the public (what an admin must look at).</summary>
    public static bool IsFailure(string state) => state is Failed or CredentialsExpired;
}
