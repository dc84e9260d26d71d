using Channels.Publishing.Channels.Website;

namespace Channels.Publishing.Storage;

/// <summary>
/// The entries behind each listing page (a column page, the home page, a bulletin issue), kept as one small JSON
/// document per page in the archive container (listings/{key}.json), newest first and bounded. Callers add their
/// entry and wait; entries that arrive together are merged in one read-modify-write (<see cref="BlobJson.UpdateAsync"/>,
/// If-Match, retried on conflict; the read served from the version this process last wrote) followed by one
/// regeneration of the page, so a burst of a thousand items costs a few writes and no query grows with the size of
/// the site.
/// </summary>
public sealed class ListingBook(ChannelsStorage storage)
{
    /// <summary>Listing documents kept in memory: the home page, a sitemap shard per month, issues and gazettes in use.</summary>
    const int CachedDocuments = 256;

    readonly ChangeBatcher<Change> batcher = new();
    readonly BlobJsonCache<List<SiteListing>> documents = new(CachedDocuments);

    sealed record Change(SiteListing? Entry, string? RemoveId, int? Limit, Func<IReadOnlyList<SiteListing>, CancellationToken, Task> Publish);

    /// <summary>Adds (or replaces, by item id) an entry and returns once a page including it has been published.</summary>
    public Task AddAsync(string key, SiteListing entry, int? limit, Func<IReadOnlyList<SiteListing>, CancellationToken, Task> publish) =>
        batcher.EnqueueAsync(key, new Change(entry, null, limit, publish), changes => RunAsync(key, changes));

    /// <summary>Removes an item's entry (unpublish) and returns once a page without it has been published.</summary>
    public Task RemoveAsync(string key, string itemId, int? limit, Func<IReadOnlyList<SiteListing>, CancellationToken, Task> publish) =>
        batcher.EnqueueAsync(key, new Change(null, itemId, limit, publish), changes => RunAsync(key, changes));

    async Task RunAsync(string key, IReadOnlyList<Change> changes)
    {
        var last = changes[^1];
        var merged = await MergeAsync(key, [.. changes.Select(c => c.Entry).OfType<SiteListing>()],
            changes.Select(c => c.RemoveId).OfType<string>().ToHashSet(StringComparer.Ordinal), last.Limit, CancellationToken.None);
        await last.Publish(merged, CancellationToken.None);
    }

    async Task<IReadOnlyList<SiteListing>> MergeAsync(string key, List<SiteListing> entries, HashSet<string> removed, int? limit, CancellationToken ct)
    {
        var ids = entries.Select(e => e.ItemId).Concat(removed).ToHashSet(StringComparer.Ordinal);
        // The same id may be queued twice in one batch (concurrent retries, one sitemap shard announced by many items): last wins.
        var added = entries.Where(e => !removed.Contains(e.ItemId)).GroupBy(e => e.ItemId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        return await BlobJson.UpdateAsync<List<SiteListing>, IReadOnlyList<SiteListing>>(storage.Archive.GetBlobClient($"listings/{key}.json"), current =>
        {
            IEnumerable<SiteListing> merged = (current ?? []).Where(c => !ids.Contains(c.ItemId)).Concat(added)
                .OrderByDescending(e => e.SortKey, StringComparer.Ordinal).ThenBy(e => e.ItemId, StringComparer.Ordinal);
            var list = (limit is { } n ? merged.Take(n) : merged).ToList();
            return (list, list);
        }, documents, ct);
    }
}
