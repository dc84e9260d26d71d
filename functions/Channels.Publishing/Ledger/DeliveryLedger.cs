using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Ledger;

/// <summary>Reads and writes the delivery ledger (table "deliveries": partition = item id, row = <see cref="DeliveryEntry.RowOf"/>).</summary>
public sealed class DeliveryLedger(ChannelsStorage storage, TimeProvider time)
{
    /// <summary>
    /// The row for (item, channel). The first call writes the intent row (with <paramref name="attempts"/>) and
    /// returns it; later calls find the existing row (its own attempts count untouched).
    /// </summary>
    public async Task<(DeliveryEntry Entry, bool Created)> GetOrCreateIntentAsync(string itemId, string channel, string contentHash, int attempts,
        CancellationToken ct)
    {
        return await GetOrCreateAsync(itemId, channel, contentHash, attempts, DeliveryState.Intent, null, ct);
    }

    /// <summary>Like <see cref="GetOrCreateIntentAsync"/>, writing the first row in <paramref name="state"/> (queued for a slot, or intent).</summary>
    public async Task<(DeliveryEntry Entry, bool Created)> GetOrCreateAsync(
        string itemId, string channel, string contentHash, int attempts, string state, DateTimeOffset? notBefore, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entry = new DeliveryEntry
        {
            PartitionKey = itemId, RowKey = DeliveryEntry.RowOf(itemId, channel), ContentHash = contentHash, IntentAt = now, Attempts = attempts, State = state,
            NotBefore = notBefore,
        };
        DeliveryHistory.Append(entry, now);
        try
        {
            var response = await storage.Deliveries.AddEntityAsync(entry, ct);
            entry.ETag = response.Headers.ETag ?? ETag.All;
            return (entry, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await storage.Deliveries.GetEntityAsync<DeliveryEntry>(itemId, DeliveryEntry.RowOf(itemId, channel), cancellationToken: ct)).Value, false);
        }
    }

    /// <summary>Saves the row (If-Match its ETag), appending a history event when the state, attempt or reason changed.</summary>
    /// <summary>Reads one row, or null.</summary>
    public async Task<DeliveryEntry?> FindAsync(string itemId, string channel, CancellationToken ct)
    {
        var r = await storage.Deliveries.GetEntityIfExistsAsync<DeliveryEntry>(itemId, DeliveryEntry.RowOf(itemId, channel), cancellationToken: ct);
        return r.HasValue ? r.Value : null;
    }

    public async Task SaveAsync(DeliveryEntry entry, CancellationToken ct)
    {
        DeliveryHistory.Append(entry, time.GetUtcNow());
        var response = await storage.Deliveries.UpdateEntityAsync(entry, entry.ETag, TableUpdateMode.Replace, ct);
        entry.ETag = response.Headers.ETag ?? entry.ETag;
    }

    /// <summary>
    /// The rows of the item's <paramref name="channels"/> that exist. One channel (most of a year's items): a point
    /// read, which Azure and the emulator both answer by key. More: one partition query — a single transaction on
    /// Azure for all of them, where point reads would cost one each (the emulator walks its table for a query).
    /// </summary>
    public async Task<IReadOnlyList<DeliveryEntry>> ForItemAsync(string itemId, IReadOnlyList<string> channels, CancellationToken ct)
    {
        if (channels.Count != 1) return [.. (await ForItemAsync(itemId, ct)).Where(e => channels.Contains(e.Channel, StringComparer.Ordinal))];
        return await FindAsync(itemId, channels[0], ct) is { } row ? [row] : [];
    }

    /// <summary>Every row of the item (a partition query: for when the channels are not known).</summary>
    public async Task<IReadOnlyList<DeliveryEntry>> ForItemAsync(string itemId, CancellationToken ct)
    {
        var rows = new List<DeliveryEntry>();
        await foreach (var e in storage.Deliveries.QueryAsync<DeliveryEntry>(e => e.PartitionKey == itemId, cancellationToken: ct))
        {
            rows.Add(e);
        }

        return rows;
    }
}
