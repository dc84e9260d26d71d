using Channels.Publishing.Columns;
using Channels.Publishing.Items;
using Channels.Publishing.Office;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// Writes what a listing change derives: for a column, its open page, the sealed pages the change touched, its RSS
/// and Atom feeds and its sitemap shard; for the home page, index.html and sitemaps/home.xml. Every blob gets its
/// Content-Type; the content is a function of the listing documents, so a repeated run writes the same bytes.
/// </summary>
public sealed class SitePages(ChannelsStorage storage, SiteMaps sitemaps, ListingBook listings, ColumnCatalogue catalogue, IOptions<WebsiteOptions> options,
    IOptions<OfficeOptions> office)
{
    const string HomeKey = "web-home";
    readonly SiteRenderer renderer = new(options.Value, office.Value);
    readonly FeedRenderer feeds = new(options.Value);

    public Task WriteColumnAsync(ColumnUpdate u, CancellationToken ct) => RenderColumn(u)(ct);

    /// <summary>
    /// Renders everything a column change derives (pages, feeds) now — so a title that cannot be rendered fails here,
    /// before the column archive commits anything — and returns the step that writes it.
    /// </summary>
    public Func<CancellationToken, Task> RenderColumn(ColumnUpdate u)
    {
        var c = u.Column;
        var sealedCount = u.Head.Sealed.Count;
        var docs = new List<(string Path, string Text, string Type)>
        {
            (SiteRenderer.ColumnPath(c), renderer.ColumnPage(c, 0, sealedCount, u.Head.Open), PageWriter.HtmlType),
        };
        docs.AddRange(u.SealedPages.Select(p =>
            (SiteRenderer.ColumnPagePath(c, p.Number), renderer.ColumnPage(c, p.Number, sealedCount, p.Entries), PageWriter.HtmlType)));
        if (u.LatestChanged)
        {
            docs.Add((SiteRenderer.RssPath(c), feeds.Rss(c, u.Head.Latest), PageWriter.RssType));
            docs.Add((SiteRenderer.AtomPath(c), feeds.Atom(c, u.Head.Latest), PageWriter.AtomType));
        }

        return ct => Task.WhenAll(docs.Select(d => PageWriter.OverwriteAsync(storage.Web, d.Path, d.Text, d.Type, ct))
            .Append(sitemaps.WriteColumnAsync(c, u.Head, ct)));
    }

    public async Task WriteHomeAsync(IReadOnlyList<SiteListing> latest, CancellationToken ct)
    {
        var columns = (await catalogue.CurrentAsync(ct)).Active;
        await Task.WhenAll(PageWriter.OverwriteAsync(storage.Web, "index.html", renderer.HomePage(latest, columns), ct), sitemaps.WriteHomeAsync(latest, ct));
    }

    /// <summary>
    /// Re-renders the home page from its listing (after the catalogue changed its navigation): a removal of an id no
    /// listing holds, which runs the listing's usual read-merge-publish without changing it.
    /// </summary>
    public Task RefreshHomeAsync(CancellationToken ct) =>
        listings.RemoveAsync(HomeKey, "\u0000refresh", options.Value.ListLength, WriteHomeAsync).WaitAsync(ct);
}
