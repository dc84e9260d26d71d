using System.Globalization;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// The government website: the item page, its entry on each of its column pages and on the home page, all in the
/// $web container of the static site. Delivered once the item page is written and every listing shows it.
/// </summary>
public sealed class WebsitePublisher(ChannelsStorage storage, BodySanitizer sanitizer, ListingBook listings, IOptions<WebsiteOptions> options) : IChannelPublisher
{
    readonly SiteRenderer renderer = new(options.Value);

    public string Channel => ChannelNames.Website;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var item = job.Item;
        var columns = item.Columns.Select(ColumnCatalog.Find).OfType<WebsiteColumn>().ToList();
        var path = SiteRenderer.ItemPath(item.Id);
        await PageWriter.WriteContentAsync(storage.Web, path, renderer.ItemPage(item, sanitizer.Sanitize(item.Body)), ct);
        job.Entry.PlatformId = path;
        job.Entry.Url = renderer.Url(path);
        await job.SaveAsync(ct);

        var entry = Listing(item);
        var limit = options.Value.ListLength;
        await Task.WhenAll(columns
            .Select(column => listings.AddAsync("web-col-" + column.Slug, entry, limit,
                (list, c) => PageWriter.OverwriteAsync(storage.Web, SiteRenderer.ColumnPath(column), renderer.ColumnPage(column, list), c)))
            .Append(listings.AddAsync("web-home", entry, limit,
                (list, c) => PageWriter.OverwriteAsync(storage.Web, "index.html", renderer.HomePage(list), c))));

        var counted = new List<CountedPost> { new(Channel, item.Id, Metrics.Item) };
        counted.AddRange(columns.Select(c => new CountedPost(Channel, item.Id, Metrics.Column, c.Name)));
        if (item.DocumentCategory is { } category) counted.Add(new CountedPost(Channel, item.Id, Metrics.Category, category));
        return ChannelStep.Delivered([.. counted]);
    }

    public Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct) => Task.FromResult(ChannelStep.Delivered());

    static SiteListing Listing(PublicationItem item)
    {
        var at = item.PublishAt!.Value;
        return new SiteListing(item.Id, item.Title, ChinaTime.Date(at), at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
    }
}
