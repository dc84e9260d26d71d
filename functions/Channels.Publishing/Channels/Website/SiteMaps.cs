using System.Globalization;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// sitemap.xml is an index of shards: sitemaps/home.xml (the home page), sitemaps/columns/{slug}.xml (every page of a
/// column) and sitemaps/{yyyy-MM}.xml (the item pages whose publishAt falls in that UTC+8 month, kept as a
/// ListingBook document so bursts are batched). An item rewrites its month shard; the index is rewritten only when a
/// shard first appears (remembered per process, so a restart costs one idempotent rewrite per shard).
/// </summary>
public sealed class SiteMaps(ChannelsStorage storage, ListingBook listings, IOptions<WebsiteOptions> options)
{
    public const string IndexPath = "sitemap.xml";
    public const string HomeShard = "sitemaps/home.xml";

    readonly SiteRenderer site = new(options.Value);
    readonly HashSet<string> indexed = new(StringComparer.Ordinal);

    public static string Month(DateTimeOffset publishAt) => ChinaTime.ToChina(publishAt).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string MonthShard(string month) => $"sitemaps/{month}.xml";

    public static string ColumnShard(WebsiteColumn c) => $"sitemaps/columns/{c.Slug}.xml";

    public async Task AddItemAsync(SiteListing entry, DateTimeOffset publishAt, CancellationToken ct)
    {
        var month = Month(publishAt);
        await listings.AddAsync("web-sitemap-" + month, entry, null, (list, c) => WriteMonthAsync(month, list, c));
        await EnsureIndexedAsync(MonthShard(month));
    }

    public Task RemoveItemAsync(string itemId, DateTimeOffset publishAt) =>
        listings.RemoveAsync("web-sitemap-" + Month(publishAt), itemId, null, (list, c) => WriteMonthAsync(Month(publishAt), list, c));

    public async Task WriteHomeAsync(IReadOnlyList<SiteListing> latest, CancellationToken ct)
    {
        var last = latest.Count == 0 ? FeedRenderer.When(new SiteListing("", "", "")) : latest.Max(FeedRenderer.When);
        await Write(HomeShard, SitemapXml.UrlSet([new SitemapUrl(site.Url("index.html"), last)]), ct);
        await EnsureIndexedAsync(HomeShard);
    }

    public async Task WriteColumnAsync(WebsiteColumn column, ColumnHead head, CancellationToken ct)
    {
        var urls = new List<SitemapUrl>();
        var open = head.Open.Count > 0 ? head.Open.Max(FeedRenderer.When) : head.Sealed.Count > 0 ? When(head.Sealed[^1].LastSortKey) : When("");
        urls.Add(new SitemapUrl(site.Url(SiteRenderer.ColumnPath(column)), open));
        for (var b = head.Sealed.Count; b >= 1; b--) urls.Add(new SitemapUrl(site.Url(SiteRenderer.ColumnPagePath(column, b)), When(head.Sealed[b - 1]
            .LastSortKey)));
        await Write(ColumnShard(column), SitemapXml.UrlSet(urls), ct);
        await EnsureIndexedAsync(ColumnShard(column));
    }

    static DateTimeOffset When(string sortKey) => FeedRenderer.When(new SiteListing("", "", "", sortKey));

    Task WriteMonthAsync(string month, IReadOnlyList<SiteListing> items, CancellationToken ct) =>
        Write(MonthShard(month), SitemapXml.UrlSet(items.Select(e => new SitemapUrl(site.Url(SiteRenderer.ItemPath(e.ItemId)), FeedRenderer.When(e)))), ct);

    async Task EnsureIndexedAsync(string shard)
    {
        lock (indexed)
        {
            if (indexed.Contains(shard)) return;
        }

        await listings.AddAsync("web-sitemap-index", new SiteListing(shard, shard, "", shard), null,
            (list, c) => Write(IndexPath, SitemapXml.Index(list.Select(e => e.ItemId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(site.Url)), c));
        lock (indexed) indexed.Add(shard);
    }

    Task Write(string path, string xml, CancellationToken ct) => PageWriter.OverwriteAsync(storage.Web, path, xml, PageWriter.XmlType, ct);
}
