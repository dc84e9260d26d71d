using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Ledger;

namespace Channels.Publishing.Storage;

/// <summary>
/// Moves rows written under the earlier key shapes to the current ones, once per storage account (a version row in
/// channelstate says it is done): publications from row "item" to row = item id, ledger rows from row = channel to
/// row = "channel|item id". Each row is copied (an insert: a row already at its new key is newer and stays), then
/// the old one deleted; two hosts running it at once do the same work twice and end in the same state. Runs from
/// <see cref="ChannelsStorage.EnsureCreatedAsync"/> on start, before anything reads those tables. Stop the old
/// version of the app before starting this one: an old host would keep writing rows under the old keys.
/// </summary>
public static class StorageKeyMigration
{
    public const string MarkerPartition = "storage";
    public const string MarkerRow = "keys";

    /// <summary>1: shared row keys (until this change); 2: unique row keys in publications and deliveries.</summary>
    public const int CurrentVersion = 2;

    public static async Task<int> RunAsync(ChannelsStorage storage, CancellationToken ct = default)
    {
        var marker = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: ct);
        if (marker.HasValue && marker.Value!.GetInt32("Version") >= CurrentVersion) return 0;

        var moved = await MoveAsync(storage.Publications, TableClient.CreateQueryFilter($"RowKey eq {PublicationRecord.LegacyItemRow}"),
            row => PublicationRecord.RowOf(row.PartitionKey), ct);
        // Legacy ledger rows are the ones whose row key is a bare channel name (no "|").
        moved += await MoveAsync(storage.Deliveries, null, row => row.RowKey.Contains('|', StringComparison.Ordinal)
            ? null
            : DeliveryEntry.RowOf(row.PartitionKey, row.RowKey), ct);
        await storage.ChannelState.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow)
        {
            ["Version"] = CurrentVersion,
            ["MigratedAt"] = DateTimeOffset.UtcNow,
            ["Moved"] = moved,
        }, TableUpdateMode.Replace, ct);
        return moved;
    }

    static async Task<int> MoveAsync(TableClient table, string? filter, Func<TableEntity, string?> newRowKey, CancellationToken ct)
    {
        var moved = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (newRowKey(row) is not { } key || key == row.RowKey) continue;
            var copy = new TableEntity(row) { PartitionKey = row.PartitionKey, RowKey = key };
            copy.Remove("odata.etag");
            copy.Remove("Timestamp");
            try
            {
                await table.AddEntityAsync(copy, ct);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Already there under the new key (a second migrating host, or written since): that row wins.
            }

            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }

            moved++;
        }

        return moved;
    }

    /// <summary>The version recorded in the account (0 when none yet).</summary>
    public static async Task<int> VersionAsync(ChannelsStorage storage, CancellationToken ct = default)
    {
        var marker = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: ct);
        return marker.HasValue ? marker.Value!.GetInt32("Version") ?? 0 : 0;
    }
}
