using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Ledger;

/// <summary>Reads and writes the delivery ledger (table "deliveries": partition = item id, row = channel).</summary>
public sealed class DeliveryLedger(ChannelsStorage storage, TimeProvider time)
{
    /// <summary>The row for (item, channel), creating the intent row if it is not there yet.</summary>
    public async Task<DeliveryEntry> GetOrCreateIntentAsync(string itemId, string channel, string contentHash, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var existing = await storage.Deliveries.GetEntityIfExistsAsync<DeliveryEntry>(itemId, channel, cancellationToken: ct);
        if (existing.HasValue && existing.Value is { } row) return row;

        var entry = new DeliveryEntry
        {
            PartitionKey = itemId, RowKey = channel, ContentHash = contentHash, IntentAt = time.GetUtcNow(),
        };
        try
        {
            await storage.Deliveries.AddEntityAsync(entry, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await storage.Deliveries.GetEntityAsync<DeliveryEntry>(itemId, channel, cancellationToken: ct)).Value;
        }

        return (await storage.Deliveries.GetEntityAsync<DeliveryEntry>(itemId, channel, cancellationToken: ct)).Value;
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
