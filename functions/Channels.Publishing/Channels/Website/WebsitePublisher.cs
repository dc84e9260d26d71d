using System.Globalization;
using Channels.Publishing.Columns;
using Channels.Publishing.Items;
using Channels.Publishing.Office;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// The government website: the item page (with its 信息索引表), its entry in the paged archive of each of its columns
/// (with the column's RSS/Atom feeds), on the home page and in the sitemap, all in the $web container of the static
/// site. Delivered once the item page is written and every listing shows it. A re-send (the item page already there)
/// also looks for the item on the column's sealed pages, so a retry never lists it twice.
/// </summary>
public sealed class WebsitePublisher(
    ChannelsStorage storage, BodySanitizer sanitizer, ListingBook listings, ColumnArchive archive, SiteMaps sitemaps, SitePages pages,
    ColumnCatalogue catalogue, IOptions<WebsiteOptions> options, IOptions<OfficeOptions> office, Attachments.AttachmentLinks attachments) : IChannelPublisher
{
    readonly SiteRenderer renderer = new(options.Value, office.Value);

    public string Channel => ChannelNames.Website;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var item = job.Item;
        var columns = await ColumnsOfAsync(item, ct);
        var path = SiteRenderer.ItemPath(item.Id);
        var entry = Listing(item);
        // Everything this item adds to a column renders before anything is written: an item that cannot fails alone.
        if (columns.Select(c => RenderProblem(c.Column, entry)).OfType<string>().FirstOrDefault() is { } problem) return ChannelStep.Failed(problem);
        // The attachments' files go up before the page that links to them.
        var files = Attachments.AttachmentHtml.Website(await attachments.PublishAsync(item, ct));
        var resent = await PageWriter.WriteContentOnceAsync(storage.Web, path, Page(item, columns, files), ct);
        // The path is fixed by the item and a re-send is recognised by its page already being there, so no ledger
        // write is needed before the listings: the ids are recorded with the delivered state.
        var recorded = new PlatformRecord(path, renderer.Url(path));

        await Task.WhenAll(columns
            .Select(column => archive.ChangeAsync(column.Column, new ColumnChange(entry, null, resent), pages.RenderColumn))
            .Append(listings.AddAsync("web-home", entry, options.Value.ListLength, pages.WriteHomeAsync))
            .Append(sitemaps.AddItemAsync(entry, item.PublishAt!.Value, ct)));

        var counted = new List<CountedPost> { new(Channel, item.Id, Metrics.Item) };
        // Counted under the name the item was published with, whatever the column is called later.
        counted.AddRange(columns.Select(c => new CountedPost(Channel, item.Id, Metrics.Column, c.PublishedAs)));
        if (item.DocumentCategory is { } category) counted.Add(new CountedPost(Channel, item.Id, Metrics.Category, category));
        return ChannelStep.Delivered([.. counted]) with { Platform = recorded };
    }

    /// <summary>The item page exactly as <see cref="SendAsync"/> writes it, its path and URL; nothing is written (the preview shows it).</summary>
    public async Task<(string Path, string Url, string Html)> RenderAsync(PublicationItem item, CancellationToken ct)
    {
        var path = SiteRenderer.ItemPath(item.Id);
        var files = Attachments.AttachmentHtml.Website(await attachments.ResolveKnownAsync(item, ct)); // the list, without copying the files
        return (path, renderer.Url(path), Page(item, await ColumnsOfAsync(item, ct), files));
    }

    string Page(PublicationItem item, List<(WebsiteColumn Column, string PublishedAs)> columns, string files) =>
        renderer.ItemPage(item, sanitizer.Sanitize(item.Body) + files, [.. columns.Select(c => c.Column)]);

    /// <summary>
    /// The item's columns as the catalogue knows them (renamed and retired ones included: a re-send of an old item goes
    /// to the column it went to). A name the catalogue does not know fails the attempt, to be retried, rather than
    /// publishing the item without that column.
    /// </summary>
    async Task<List<(WebsiteColumn Column, string PublishedAs)>> ColumnsOfAsync(PublicationItem item, CancellationToken ct)
    {
        var set = await catalogue.ForNamesAsync(item.Columns, activeOnly: false, ct);
        var unknown = item.Columns.Where(n => set.Find(n) is null).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"栏目目录中没有栏目“{string.Join("、", unknown)}”");
        return [.. item.Columns.Select(n => (set.Find(n)!.Website, n)).DistinctBy(c => c.Website.Slug, StringComparer.Ordinal)];
    }

    public Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct) => Task.FromResult(ChannelStep.Delivered());

    /// <summary>Null when the entry renders on its own in the column's pages and feeds; else why not (in Chinese).</summary>
    string? RenderProblem(WebsiteColumn column, SiteListing entry)
    {
        try
        {
            pages.RenderColumn(new ColumnUpdate(column, new ColumnHead { Open = [entry], Latest = [entry] }, [], true));
            return TextRules.FirstForbidden(entry.Title) is { } bad
                ? $"标题含有不允许的控制字符或非字符 U+{bad.CodePoint:X4}，无法生成栏目“{column.Name}”的页面和订阅；本条未发布，栏目其他信息不受影响"
                : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            return $"无法生成栏目“{column.Name}”的页面或订阅（{e.Message}）；本条未发布，栏目其他信息不受影响";
        }
    }

    public static SiteListing Listing(PublicationItem item)
    {
        var at = item.PublishAt!.Value;
        return new SiteListing(item.Id, item.Title, ChinaTime.Date(at), at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
    }
}
