using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Ledger;

/// <summary>Reads and writes the delivery ledger (table "deliveries": partition = item id, row = channel).</summary>
public sealed class DeliveryLedger(ChannelsStorage storage, TimeProvider time)
{
    /// <summary>
    /// The row for (item, channel). The first call writes the intent row (with <paramref name="attempts"/>) and
    /// returns it; later calls find the existing row (its own attempts count untouched).
    /// </summary>
    public async Task<(DeliveryEntry Entry, bool Created)> GetOrCreateIntentAsync(string itemId, string channel, string contentHash, int attempts, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var entry = new DeliveryEntry
        {
            PartitionKey = itemId, RowKey = channel, ContentHash = contentHash, IntentAt = time.GetUtcNow(), Attempts = attempts,
        };
        try
        {
            var response = await storage.Deliveries.AddEntityAsync(entry, ct);
            entry.ETag = response.Headers.ETag ?? ETag.All;
            return (entry, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await storage.Deliveries.GetEntityAsync<DeliveryEntry>(itemId, channel, cancellationToken: ct)).Value, false);
        }
    }

    public async Task SaveAsync(DeliveryEntry entry, CancellationToken ct)
    {
        var response = await storage.Deliveries.UpdateEntityAsync(entry, entry.ETag, TableUpdateMode.Replace, ct);
        entry.ETag = response.Headers.ETag ?? entry.ETag;
    }

    public async Task<IReadOnlyList<DeliveryEntry>> ForItemAsync(string itemId, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var rows = new List<DeliveryEntry>();
        await foreach (var e in storage.Deliveries.QueryAsync<DeliveryEntry>(e => e.PartitionKey == itemId, cancellationToken: ct))
        {
            rows.Add(e);
        }

        return rows;
    }
}
