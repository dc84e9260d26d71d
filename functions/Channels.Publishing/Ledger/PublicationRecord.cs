using Azure;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace Channels.Publishing.Ledger;

/// <summary>
/// One submitted item: its identity (content hash), where its archived copy is, and the overall status. Keyed
/// partition = row = item id, so a lookup is a point read on Azure and on the emulator alike (a row key shared by
/// every row made the emulator walk all of them; <see cref="Storage.StorageKeyMigration"/> moves rows of that shape).
/// </summary>
public sealed class PublicationRecord : ITableEntity
{
    /// <summary>The row key every publication row had before keys were made unique (migrated on start).</summary>
    public const string LegacyItemRow = "item";

    string rowKey = "";

    public string PartitionKey { get; set; } = "";

    /// <summary>The item id, like the partition (<see cref="RowOf"/>): a record made with only its partition gets it.</summary>
    public string RowKey { get => rowKey.Length == 0 ? RowOf(PartitionKey) : rowKey; set => rowKey = value; }

    /// <summary>The row key of item <paramref name="id"/> (its partition is the id too).</summary>
    public static string RowOf(string id) => id;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string Id => PartitionKey;
    public string ContentHash { get; set; } = "";
    public string Title { get; set; } = "";
    public string Publisher { get; set; } = "";
    public DateTimeOffset PublishAt { get; set; }
    public int Year { get; set; }
    public string Priority { get; set; } = "";
    /// <summary>Comma-separated channel names, in the order the editor gave.</summary>
    public string Channels { get; set; } = "";
    public string ArchiveBlob { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string Status { get; set; } = PublicationStatus.Accepted;
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public DateTimeOffset? PublishingAt { get; set; }
    public DateTimeOffset? RetractingAt { get; set; }
    public DateTimeOffset? RetractedAt { get; set; }
    public string? RetractReason { get; set; }
    public string? RetractedBy { get; set; }
    public DateTimeOffset? IncidentAt { get; set; }
    public DateTimeOffset? FormedAt { get; set; }
    /// <summary>The policy document this interpretation interprets (政策解读), if it is one.</summary>
    public string? Interprets { get; set; }
    /// <summary>条例第二十条第（一）项 category (a policy document that needs interpreting), if any.</summary>
    public string? DocumentCategory { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>Publication-level events (moved, cancelled, escalated) as JSON, like a channel's history.</summary>
    public string? Events { get; set; }
    /// <summary>Comma-separated website column names (for the list filter).</summary>
    public string Columns { get; set; } = "";
    /// <summary>"channel=state,…" as of the last status refresh, for the list view.</summary>
    public string? ChannelStates { get; set; }

    /// <summary>A historical import (publishAt more than a day before submission, admin only): its publishAt is taken as stated.</summary>
    public bool Imported { get; set; }

    /// <summary>When the item first went public: the earliest delivery on any channel (set by the status refresh).</summary>
    public DateTimeOffset? PublicAt { get; set; }

    /// <summary>"channel=unix seconds,…": when each delivered channel delivered (set by the status refresh).</summary>
    public string? DeliveredTimes { get; set; }

    /// <summary>The delivery time of each delivered channel, from <see cref="DeliveredTimes"/>.</summary>
    [IgnoreDataMember]
    public IReadOnlyDictionary<string, DateTimeOffset> DeliveredTimeMap => (DeliveredTimes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && long.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out _))
        .ToDictionary(p => p[0], p => DateTimeOffset.FromUnixTimeSeconds(long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);

    /// <summary>The column that records when a status was entered, if it has one.</summary>
    public static string? StatusTimeColumn(string status) => status switch
    {
        PublicationStatus.Scheduled => nameof(ScheduledAt),
        PublicationStatus.Publishing => nameof(PublishingAt),
        PublicationStatus.Retracting => nameof(RetractingAt),
        PublicationStatus.Retracted => nameof(RetractedAt),
        PublicationStatus.Cancelled => nameof(CancelledAt),
        _ => null,
    };

    [IgnoreDataMember]
    public IReadOnlyList<string> ColumnList => Columns.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The channels' states from <see cref="ChannelStates"/> (empty before the first refresh).</summary>
    [IgnoreDataMember]
    public IReadOnlyDictionary<string, string> ChannelStateMap => (ChannelStates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [IgnoreDataMember]
    public IReadOnlyList<string> ChannelList => Channels.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Overall state of a publication across its channels.</summary>
public static class PublicationStatus
{
    public const string Accepted = "accepted";
    public const string Scheduled = "scheduled";
    public const string Publishing = "publishing";
    public const string Delivered = "delivered";
    public const string PartiallyFailed = "partially-failed";
    public const string Failed = "failed";
    public const string Retracting = "retracting";
    public const string Retracted = "retracted";
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string status) => status is Delivered or PartiallyFailed or Failed or Retracted or Cancelled;

    /// <summary>
    /// The overall status from the channels' states: publishing while any is in progress; retracted once every channel
    /// is retracted (or could only be corrected); otherwise delivered / partially-failed / failed.
    /// </summary>
    public static string From(IReadOnlyList<string> states, string current)
    {
        if (states.Any(s => !DeliveryState.IsFinal(s))) return current is Retracting ? Retracting : Publishing;
        if (current is Retracting or Retracted) return Retracted;
        var delivered = states.Count(s => s == DeliveryState.Delivered);
        return delivered == states.Count ? Delivered : delivered == 0 ? Failed : PartiallyFailed;
    }
}
