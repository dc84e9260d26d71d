using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// The state of one column's archive (listings/web-col-{slug}/head.json): the sealed pages, by number from the
/// oldest; the open page (the newest, arrival order, at most N entries); the newest N entries by publishAt (feeds).
/// </summary>
public sealed record ColumnHead
{
    public List<SealedPage> Sealed { get; init; } = [];
    public List<SiteListing> Open { get; init; } = [];
    public List<SiteListing> Latest { get; init; } = [];
}

/// <summary>A sealed page: its entry document (listings/web-col-{slug}/{Doc}.json) and its newest SortKey (sitemap lastmod).</summary>
public sealed record SealedPage(string Doc, string LastSortKey);

/// <summary>A page and its entries in arrival order: Number 0 is the open page (index.html), b ≥ 1 the sealed page index_b.html.</summary>
public sealed record ColumnPageEntries(int Number, IReadOnlyList<SiteListing> Entries);

/// <summary>One pager link; Href null for the current page.</summary>
public sealed record PagerLink(string Label, string? Href);

/// <summary>
/// Pagination of a column archive in fixed buckets. Entries fill the open page in arrival order; the (N+1)th arrival
/// seals the oldest N into page b = sealed+1 (file index_b.html, numbered from the oldest, never renumbered), so
/// adding an item rewrites the open page and at most one new and one neighbouring sealed page; removing one rewrites
/// only the page it is on. Each page shows its entries newest first.
/// </summary>
public static class ColumnPaging
{
    public static string FileName(int number) => number == 0 ? "index.html" : $"index_{number}.html";

    /// <summary>Applies removals then additions (an id already on the open page is replaced in place) and seals overflow.</summary>
    public static ColumnHead Merge(ColumnHead head, IReadOnlyList<SiteListing> adds, IReadOnlySet<string> removes, int n, out List<ColumnPageEntries> sealedNow)
    {
        var open = head.Open.Where(e => !removes.Contains(e.ItemId)).ToList();
        var latest = head.Latest.Where(e => !removes.Contains(e.ItemId)).ToList();
        foreach (var add in adds.Where(a => !removes.Contains(a.ItemId)))
        {
            var at = open.FindIndex(e => e.ItemId == add.ItemId);
            if (at >= 0) open[at] = add;
            else open.Add(add);
            latest.RemoveAll(e => e.ItemId == add.ItemId);
            latest.Add(add);
        }

        var sealedPages = head.Sealed.ToList();
        sealedNow = [];
        while (open.Count > n)
        {
            var chunk = open.Take(n).ToList();
            open.RemoveRange(0, n);
            sealedPages.Add(new SealedPage($"{sealedPages.Count + 1}-{DocHash(chunk)}", chunk.Max(e => e.SortKey) ?? ""));
            sealedNow.Add(new ColumnPageEntries(sealedPages.Count, chunk));
        }

        return new ColumnHead { Sealed = sealedPages, Open = open, Latest = [.. NewestFirst(latest).Take(n)] };
    }

    public static IEnumerable<SiteListing> NewestFirst(IEnumerable<SiteListing> entries) =>
        entries.OrderByDescending(e => e.SortKey, StringComparer.Ordinal).ThenBy(e => e.ItemId, StringComparer.Ordinal);

    static string DocHash(List<SiteListing> chunk) => ContentHash.OfText(JsonSerializer.Serialize(chunk, ChannelsJson.Options))[..12];

    /// <summary>
    /// The pager of page <paramref name="number"/> (0 = open) when <paramref name="sealedCount"/> pages are sealed: 最新,
    /// 上一页 (newer), page numbers (newest left; up to three older and one newer sealed page), 下一页 (older), 最早.
    /// A sealed page's pager changes only when it is the newest sealed page and another is sealed after it.
    /// </summary>
    public static IReadOnlyList<PagerLink> Pager(int number, int sealedCount)
    {
        if (sealedCount == 0) return [];
        var links = new List<PagerLink> { new("最新", number == 0 ? null : FileName(0)) };
        if (number != 0) links.Add(new("上一页", FileName(number + 1 > sealedCount ? 0 : number + 1)));
        var top = number == 0 ? sealedCount : Math.Min(sealedCount, number + 1);
        var bottom = Math.Max(1, (number == 0 ? sealedCount : number) - 3);
        for (var b = top; b >= bottom; b--) links.Add(new(b.ToString(System.Globalization.CultureInfo.InvariantCulture), b == number ? null : FileName(b)));
        var older = number == 0 ? sealedCount : number - 1;
        if (older >= 1) links.Add(new("下一页", FileName(older)));
        links.Add(new("最早", number == 1 ? null : FileName(1)));
        return links;
    }
}
