using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;

namespace Channels.Publishing.Storage;

/// <summary>
/// The entries behind each listing page (a column page, the home page, a bulletin issue), kept as one small JSON
/// document per page in the archive container (listings/{key}.json), newest first and bounded. Callers add their
/// entry and wait; entries that arrive together are merged in one read-modify-write (If-Match, retried on
/// conflict) followed by one regeneration of the page, so a burst of a thousand items costs a few writes and no
/// query grows with the size of the site.
/// </summary>
public sealed class ListingBook(ChannelsStorage storage)
{
    readonly Dictionary<string, Batch> batches = new(StringComparer.Ordinal);

    sealed class Batch
    {
        public List<SiteListing> Pending = [];
        public HashSet<string> Removed = new(StringComparer.Ordinal);
        public TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Running;
        public int? Limit;
        public Func<IReadOnlyList<SiteListing>, CancellationToken, Task> Publish = (_, _) => Task.CompletedTask;
    }

    /// <summary>Adds (or replaces, by item id) an entry and returns once a page including it has been published.</summary>
    public Task AddAsync(string key, SiteListing entry, int? limit, Func<IReadOnlyList<SiteListing>, CancellationToken, Task> publish) =>
        EnqueueAsync(key, entry, null, limit, publish);

    /// <summary>Removes an item's entry (unpublish) and returns once a page without it has been published.</summary>
    public Task RemoveAsync(string key, string itemId, int? limit, Func<IReadOnlyList<SiteListing>, CancellationToken, Task> publish) =>
        EnqueueAsync(key, null, itemId, limit, publish);

    Task EnqueueAsync(string key, SiteListing? entry, string? removeId, int? limit, Func<IReadOnlyList<SiteListing>, CancellationToken, Task> publish)
    {
        Batch batch;
        Task wait;
        var start = false;
        lock (batches)
        {
            if (!batches.TryGetValue(key, out batch!)) batches[key] = batch = new Batch();
            if (entry is not null) batch.Pending.Add(entry);
            if (removeId is not null) batch.Removed.Add(removeId);
            batch.Limit = limit;
            batch.Publish = publish;
            wait = batch.Done.Task;
            if (!batch.Running) start = batch.Running = true;
        }

        if (start) _ = Task.Run(() => LoopAsync(key, batch));
        return wait;
    }

    async Task LoopAsync(string key, Batch batch)
    {
        while (true)
        {
            List<SiteListing> entries;
            HashSet<string> removed;
            TaskCompletionSource done;
            lock (batches)
            {
                if (batch.Pending.Count == 0 && batch.Removed.Count == 0)
                {
                    batch.Running = false;
                    return;
                }

                entries = batch.Pending;
                removed = batch.Removed;
                done = batch.Done;
                batch.Pending = [];
                batch.Removed = new HashSet<string>(StringComparer.Ordinal);
                batch.Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            try
            {
                var merged = await MergeAsync(key, entries, removed, batch.Limit, CancellationToken.None);
                await batch.Publish(merged, CancellationToken.None);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }

    async Task<IReadOnlyList<SiteListing>> MergeAsync(string key, List<SiteListing> entries, HashSet<string> removed, int? limit, CancellationToken ct)
    {
        var blob = storage.Archive.GetBlobClient($"listings/{key}.json");
        for (var attempt = 0; ; attempt++)
        {
            List<SiteListing> current = [];
            ETag? etag = null;
            try
            {
                var content = await blob.DownloadContentAsync(ct);
                etag = content.Value.Details.ETag;
                current = JsonSerializer.Deserialize<List<SiteListing>>(content.Value.Content.ToString(), ChannelsJson.Options) ?? [];
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }

            var ids = entries.Select(e => e.ItemId).Concat(removed).ToHashSet(StringComparer.Ordinal);
            // The same id may be queued twice in one batch (concurrent retries, one sitemap shard announced by many items): last wins.
            var added = entries.Where(e => !removed.Contains(e.ItemId)).GroupBy(e => e.ItemId, StringComparer.Ordinal).Select(g => g.Last());
            IEnumerable<SiteListing> merged = current.Where(c => !ids.Contains(c.ItemId)).Concat(added)
                .OrderByDescending(e => e.SortKey, StringComparer.Ordinal).ThenBy(e => e.ItemId, StringComparer.Ordinal);
            var list = (limit is { } n ? merged.Take(n) : merged).ToList();
            try
            {
                await blob.UploadAsync(BinaryData.FromObjectAsJson(list, ChannelsJson.Options), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                    Conditions = etag is { } t ? new BlobRequestConditions { IfMatch = t } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
                return list;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 50)
            {
                await Task.Delay(Random.Shared.Next(5, 40), ct);
            }
        }
    }
}
