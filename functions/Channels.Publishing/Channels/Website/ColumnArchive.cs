using Channels.Publishing.Items;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>A change to a column: add (Recheck: the item was sent before, look for it on sealed pages too) or remove.</summary>
public sealed record ColumnChange(SiteListing? Add, string? RemoveId, bool Recheck = false);

/// <summary>What a run changed: the committed head and the sealed pages to (re)render besides the open page.</summary>
public sealed record ColumnUpdate(WebsiteColumn Column, ColumnHead Head, IReadOnlyList<ColumnPageEntries> SealedPages, bool LatestChanged);

/// <summary>
/// The archive of each website column (see <see cref="ColumnPaging"/>): a head document per column plus one
/// create-once entry document per sealed page (named with its content hash, so a writer that lost the head's If-Match
/// race leaves only an unreferenced document). Changes arriving together are merged in one read-modify-write of the
/// head, then rendered by the caller's publish step; runs of one column never overlap in this process.
/// </summary>
public sealed class ColumnArchive(ChannelsStorage storage, IOptions<WebsiteOptions> options)
{
    readonly ChangeBatcher<ColumnChange> batcher = new();

    static string HeadPath(WebsiteColumn c) => $"listings/web-col-{c.Slug}/head.json";

    static string PageDocPath(WebsiteColumn c, string doc) => $"listings/web-col-{c.Slug}/{doc}.json";

    public Task ChangeAsync(WebsiteColumn column, ColumnChange change, Func<ColumnUpdate, CancellationToken, Task> publish) =>
        batcher.EnqueueAsync(column.Slug, change, changes => RunAsync(column, changes, publish));

    async Task RunAsync(WebsiteColumn column, IReadOnlyList<ColumnChange> changes, Func<ColumnUpdate, CancellationToken, Task> publish)
    {
        var ct = CancellationToken.None;
        await storage.EnsureCreatedAsync();
        var headBlob = storage.Archive.GetBlobClient(HeadPath(column));
        var removes = changes.Select(c => c.RemoveId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var (stored, etag) = await BlobJson.ReadAsync<ColumnHead>(headBlob, ct);
            var head = stored ?? new ColumnHead();
            var adds = new List<SiteListing>();
            foreach (var c in changes.Where(c => c.Add is not null))
            {
                var onOpen = head.Open.Any(e => e.ItemId == c.Add!.ItemId);
                if (c.Recheck && !onOpen && await FindSealedAsync(column, head, c.Add!.ItemId, ct) is not null) continue;
                adds.Add(c.Add!);
            }

            var merged = ColumnPaging.Merge(head, adds, removes, options.Value.ListLength, out var sealedNow);
            foreach (var page in sealedNow)
            {
                // Create-once; an existing document of that name has the same content (the name holds its hash).
                await BlobJson.TryWriteAsync(storage.Archive.GetBlobClient(PageDocPath(column, merged.Sealed[page.Number - 1].Doc)), page.Entries, null, ct);
            }

            var unchanged = Same(head, merged) && stored is not null;
            if (!unchanged && !await BlobJson.TryWriteAsync(headBlob, merged, etag, ct))
            {
                if (attempt >= 50) throw new InvalidOperationException($"column {column.Slug}: head kept changing under us");
                await Task.Delay(Random.Shared.Next(5, 40), ct);
                continue;
            }

            var pages = new List<ColumnPageEntries>(sealedNow);
            // The sealed page just before the new ones loses "newest sealed page" status: its pager gains a newer page.
            if (sealedNow.Count > 0 && sealedNow[0].Number > 1) pages.Add(await ReadSealedAsync(column, merged, sealedNow[0].Number - 1, ct));
            var openIds = head.Open.Select(e => e.ItemId).ToHashSet(StringComparer.Ordinal);
            foreach (var id in removes.Where(id => !openIds.Contains(id)))
            {
                if (await RemoveFromSealedAsync(column, head, id, ct) is { } page) pages.Add(page);
            }

            // Feeds are skipped only when this run changed the head but not its newest entries (a backdated item); a run
            // that changed nothing (a retry after a crash) rewrites everything it derives.
            var latestChanged = unchanged || stored is null || !head.Latest.SequenceEqual(merged.Latest);
            await publish(new ColumnUpdate(column, merged, pages, latestChanged), ct);
            return;
        }
    }

    static bool Same(ColumnHead a, ColumnHead b) =>
        a.Sealed.SequenceEqual(b.Sealed) && a.Open.SequenceEqual(b.Open) && a.Latest.SequenceEqual(b.Latest);

    async Task<ColumnPageEntries> ReadSealedAsync(WebsiteColumn column, ColumnHead head, int number, CancellationToken ct)
    {
        var (entries, _) = await BlobJson.ReadAsync<List<SiteListing>>(storage.Archive.GetBlobClient(PageDocPath(column, head.Sealed[number - 1].Doc)), ct);
        return new ColumnPageEntries(number, entries ?? []);
    }

    /// <summary>The sealed page holding the item, searched from the newest (rare: retractions and re-sent items only).</summary>
    async Task<int?> FindSealedAsync(WebsiteColumn column, ColumnHead head, string itemId, CancellationToken ct)
    {
        for (var b = head.Sealed.Count; b >= 1; b--)
        {
            if ((await ReadSealedAsync(column, head, b, ct)).Entries.Any(e => e.ItemId == itemId)) return b;
        }

        return null;
    }

    /// <summary>Takes the item off the sealed page it is on (If-Match on that page's document); null when on none.</summary>
    async Task<ColumnPageEntries?> RemoveFromSealedAsync(WebsiteColumn column, ColumnHead head, string itemId, CancellationToken ct)
    {
        for (var b = head.Sealed.Count; b >= 1; b--)
        {
            var blob = storage.Archive.GetBlobClient(PageDocPath(column, head.Sealed[b - 1].Doc));
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var (entries, etag) = await BlobJson.ReadAsync<List<SiteListing>>(blob, ct);
                if (entries is null || !entries.Any(e => e.ItemId == itemId)) break;
                var kept = entries.Where(e => e.ItemId != itemId).ToList();
                if (await BlobJson.TryWriteAsync(blob, kept, etag, ct)) return new ColumnPageEntries(b, kept);
            }
        }

        return null;
    }
}
