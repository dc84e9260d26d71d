using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Channels.IntegrationTests.Preview;

/// <summary>Every table row and every blob of a storage account, by name and ETag: two equal snapshots mean nothing was written in between.</summary>
internal static class StorageSnapshot
{
    public static async Task<SortedSet<string>> TakeAsync(string connectionString)
    {
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var e in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add($"table {table.Name}/{e.PartitionKey}/{e.RowKey} {e.ETag}");
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await foreach (var b in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                rows.Add($"blob {container.Name}/{b.Name} {b.Properties.ETag}");
            }
        }

        return rows;
    }

    /// <summary>A snapshot that stayed the same for <paramref name="quiet"/> (the host's start-up writes are over), or the last one after 30 s.</summary>
    public static async Task<SortedSet<string>> SettledAsync(string connectionString, TimeSpan quiet)
    {
        var last = await TakeAsync(connectionString);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(quiet);
            var next = await TakeAsync(connectionString);
            if (next.SetEquals(last)) return next;
            last = next;
        }

        return last;
    }
}
