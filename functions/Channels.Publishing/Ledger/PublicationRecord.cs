using Azure;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace Channels.Publishing.Ledger;

/// <summary>One submitted item: its identity (content hash), where its archived copy is, and the overall status.</summary>
public sealed class PublicationRecord : ITableEntity
{
    public const string ItemRow = "item";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = ItemRow;
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
}
