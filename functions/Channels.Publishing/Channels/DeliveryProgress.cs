using Channels.Publishing.Ledger;

namespace Channels.Publishing.Channels;

/// <summary>
/// What a channel reads and records about its delivery of one item — the platform's ids as they come back, the
/// attempt, its intermediate steps — without seeing the storage row. The ledger keeps it (<see cref="LedgerProgress"/>,
/// an adapter over <see cref="DeliveryLedger"/>), so how the ledger stores rows can change beneath it. The outcome of
/// a step is the <see cref="ChannelStep"/> the publisher returns (typed state, reason, note, counted posts).
/// </summary>
public interface IDeliveryProgress
{
    /// <summary>1 for the first send, then one more per retry of the send step.</summary>
    int Attempt { get; }

    /// <summary>The platform's id of the post, once recorded: a retry that finds it reconciles instead of posting again.</summary>
    string? PlatformId { get; }

    string? Url { get; }

    /// <summary>Intermediate ids of a multi-step platform (JSON the channel writes and reads back).</summary>
    string? Steps { get; }

    /// <summary>Records what the platform returned, at once — right after the call that produced it, before anything else can fail.</summary>
    Task RecordAsync(PlatformRecord record, CancellationToken ct);
}

/// <summary>What a platform call returned; null fields are left as they were.</summary>
public sealed record PlatformRecord(string? PlatformId = null, string? Url = null, string? Steps = null, int? Units = null);

/// <summary>The ledger's side of <see cref="IDeliveryProgress"/>: reads and writes the item's row for the channel.</summary>
public sealed class LedgerProgress(DeliveryEntry entry, Func<CancellationToken, Task> save) : IDeliveryProgress
{
    public int Attempt => entry.Attempts;
    public string? PlatformId => entry.PlatformId;
    public string? Url => entry.Url;
    public string? Steps => entry.Steps;

    public Task RecordAsync(PlatformRecord record, CancellationToken ct)
    {
        Apply(entry, record);
        return save(ct);
    }

    /// <summary>Copies the record's non-null fields onto the row (not saved).</summary>
    public static void Apply(DeliveryEntry entry, PlatformRecord record)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(record);
        if (record.PlatformId is not null) entry.PlatformId = record.PlatformId;
        if (record.Url is not null) entry.Url = record.Url;
        if (record.Steps is not null) entry.Steps = record.Steps;
        if (record.Units is { } units) entry.Units = units;
    }
}
