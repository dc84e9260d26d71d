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
/// head; runs of one column never overlap in this process. The caller's render step runs on the merged head BEFORE
/// anything is committed: when it fails, each added entry is rendered alone, the ones that cannot be rendered are
/// refused (their <see cref="ChangeAsync"/> fails with <see cref="PermanentChannelException"/>) and the rest of
/// the batch goes on — one bad item fails alone, never the column.
/// </summary>
public sealed class ColumnArchive(ChannelsStorage storage, IOptions<WebsiteOptions> options)
{
    readonly ChangeBatcher<ColumnChange> batcher = new();
    /// <summary>The head each column had when this process last wrote or read it: a run usually starts without a download.</summary>
    readonly BlobJsonCache<ColumnHead> heads = new(256);
    readonly System.Runtime.CompilerServices.ConditionalWeakTable<ColumnChange, Exception> refused = [];

    static string HeadPath(WebsiteColumn c) => $"listings/web-col-{c.Slug}/head.json";

    static string PageDocPath(WebsiteColumn c, string doc) => $"listings/web-col-{c.Slug}/{doc}.json";

    /// <param name="render">Renders an update (throwing when it cannot) and returns the step that writes what it rendered.</param>
    public async Task ChangeAsync(WebsiteColumn column, ColumnChange change, Func<ColumnUpdate, Func<CancellationToken, Task>> render)
    {
        await batcher.EnqueueAsync(column.Slug, change, changes => RunAsync(column, changes, render));
        if (refused.TryGetValue(change, out var e))
        {
            refused.Remove(change);
            throw new PermanentChannelException($"栏目“{column.Name}”的页面或订阅无法生成（{e.Message}），本条信息未加入栏目，栏目其他信息不受影响");
        }
    }

    async Task RunAsync(WebsiteColumn column, IReadOnlyList<ColumnChange> batch, Func<ColumnUpdate, Func<CancellationToken, Task>> render)
    {
        var ct = CancellationToken.None;
        var headBlob = storage.Archive.GetBlobClient(HeadPath(column));
        var changes = batch.ToList();
        var removes = changes.Select(c => c.RemoveId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var (stored, etag) = await heads.ReadAsync(headBlob, ct);
            var head = stored ?? new ColumnHead();
            var adds = new List<SiteListing>();
            foreach (var c in changes.Where(c => c.Add is not null))
            {
                var onOpen = head.Open.Any(e => e.ItemId == c.Add!.ItemId);
                if (c.Recheck && !onOpen && await FindSealedAsync(column, head, c.Add!.ItemId, ct) is not null) continue;
                adds.Add(c.Add!);
            }

            var merged = ColumnPaging.Merge(head, adds, removes, options.Value.ListLength, out var sealedNow);
            var pages = new List<ColumnPageEntries>(sealedNow);
            // The sealed page just before the new ones loses "newest sealed page" status: its pager gains a newer page.
            if (sealedNow.Count > 0 && sealedNow[0].Number > 1) pages.Add(await ReadSealedAsync(column, merged, sealedNow[0].Number - 1, ct));
            var unchanged = Same(head, merged) && stored is not null;
            // Feeds are skipped only when this run changed the head but not its newest entries (a backdated item); a run
            // that changed nothing (a retry after a crash) rewrites everything it derives.
            var latestChanged = unchanged || stored is null || !head.Latest.SequenceEqual(merged.Latest);
            Func<CancellationToken, Task> write;
            try
            {
                write = render(new ColumnUpdate(column, merged, pages, latestChanged));
            }
            catch (Exception e) when (e is not OperationCanceledException && Refuse(column, changes, render, e))
            {
                if (changes.Count == 0) return;
                continue;
            }

            foreach (var page in sealedNow)
            {
                // Create-once; an existing document of that name has the same content (the name holds its hash).
                await BlobJson.TryWriteAsync(storage.Archive.GetBlobClient(PageDocPath(column, merged.Sealed[page.Number - 1].Doc)), page.Entries, null, ct);
            }

            if (!unchanged && !await heads.TryWriteAsync(headBlob, merged, etag, ct))
            {
                if (attempt >= 50) throw new InvalidOperationException($"column {column.Slug}: head kept changing under us");
                await Task.Delay(Random.Shared.Next(5, 40), ct);
                continue;
            }

            var openIds = head.Open.Select(e => e.ItemId).ToHashSet(StringComparer.Ordinal);
            var touched = new List<ColumnPageEntries>();
            foreach (var id in removes.Where(id => !openIds.Contains(id)))
            {
                if (await RemoveFromSealedAsync(column, head, id, ct) is { } page) touched.Add(page);
            }

            // Pages a removal touched only lose entries, which already rendered: they are rendered after the commit.
            if (touched.Count > 0) write = CombineWrites(write, render(new ColumnUpdate(column, merged, touched, false)));
            await write(ct);
            return;
        }
    }

    static Func<CancellationToken, Task> CombineWrites(Func<CancellationToken, Task> a, Func<CancellationToken, Task> b) =>
        async ct => await Task.WhenAll(a(ct), b(ct));

    /// <summary>
    /// The merged head did not render: renders each added entry alone and takes those that fail out of the batch (their
    /// callers are told). False — the failure is not any single entry's (the render step itself is broken) — rethrows.
    /// </summary>
    bool Refuse(WebsiteColumn column, List<ColumnChange> changes, Func<ColumnUpdate, Func<CancellationToken, Task>> render, Exception failure)
    {
        var bad = changes.Where(c => c.Add is { } add && !RendersAlone(column, add, render)).ToList();
        foreach (var c in bad)
        {
            refused.AddOrUpdate(c, failure);
            changes.Remove(c);
        }

        return bad.Count > 0;
    }

    static bool RendersAlone(WebsiteColumn column, SiteListing entry, Func<ColumnUpdate, Func<CancellationToken, Task>> render)
    {
        try
        {
            render(new ColumnUpdate(column, new ColumnHead { Open = [entry], Latest = [entry] }, [], true));
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
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
