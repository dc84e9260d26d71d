using System.Globalization;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// The government website: the item page, its listing under each column, the column pages and the home page,
/// all in the $web container of the static site. Delivered once the item page and listings are written.
/// </summary>
public sealed class WebsitePublisher(ChannelsStorage storage, BodySanitizer sanitizer, ListingRefresher refresher, IOptions<WebsiteOptions> options) : IChannelPublisher
{
    const string AllPartition = "all";
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

        await ListAsync(item, columns, ct);
        var listings = columns.Select(column => Refresh(SiteRenderer.ColumnPath(column), async c => renderer.ColumnPage(column, await LatestAsync("col-" + column.Slug, c))))
            .Append(Refresh("index.html", async c => renderer.HomePage(await LatestAsync(AllPartition, c))));
        await Task.WhenAll(listings);

        var counted = new List<CountedPost> { new(Channel, item.Id, Metrics.Item) };
        counted.AddRange(columns.Select(c => new CountedPost(Channel, item.Id, Metrics.Column, c.Name)));
        if (item.DocumentCategory is { } category) counted.Add(new CountedPost(Channel, item.Id, Metrics.Category, category));
        return ChannelStep.Delivered([.. counted]);
    }

    public Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct) => Task.FromResult(ChannelStep.Delivered());

    Task Refresh(string path, Func<CancellationToken, Task<string>> render) =>
        refresher.RefreshAsync("web:" + path, () => PageWriter.RegenerateAsync(storage.Web, path, render, CancellationToken.None));

    async Task ListAsync(PublicationItem item, IEnumerable<WebsiteColumn> columns, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var at = item.PublishAt!.Value;
        // Newest first in key order: inverted ticks, then the id for a stable order within one instant.
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + item.Id;
        foreach (var partition in columns.Select(c => "col-" + c.Slug).Append(AllPartition))
        {
            await storage.SiteIndex.UpsertEntityAsync(new TableEntity(partition, rowKey)
            {
                ["ItemId"] = item.Id, ["Title"] = item.Title, ["Date"] = ChinaTime.Date(at),
            }, TableUpdateMode.Replace, ct);
        }
    }

    async Task<IReadOnlyList<SiteListing>> LatestAsync(string partition, CancellationToken ct)
    {
        var list = new List<SiteListing>();
        await foreach (var e in storage.SiteIndex.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: options.Value.ListLength, cancellationToken: ct))
        {
            list.Add(new SiteListing(e.GetString("ItemId"), e.GetString("Title"), e.GetString("Date")));
            if (list.Count >= options.Value.ListLength) break;
        }

        return list;
    }
}
