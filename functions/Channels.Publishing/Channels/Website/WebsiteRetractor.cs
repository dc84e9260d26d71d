using Channels.Publishing.Columns;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// Unpublishes an item: its entry leaves every index it appeared in — the page of each of its columns it is on
/// (whichever page), the columns' RSS and Atom feeds, the home page and its sitemap shard — and its page is deleted.
/// </summary>
public sealed class WebsiteRetractor(ChannelsStorage storage, ListingBook listings, ColumnArchive archive, SiteMaps sitemaps, SitePages pages,
    ColumnCatalogue catalogue, IOptions<WebsiteOptions> options, Attachments.AttachmentLinks attachments) : IChannelRetractor
{
    public string Channel => ChannelNames.Website;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        var item = job.Delivery.Item;
        // Every column that ever carried the names: a name taken over by a new column after a retirement may have its
        // entry in the old column's archive. Removing an id a column does not hold changes nothing there.
        var set = await catalogue.CurrentAsync(ct);
        var columns = item.Columns.SelectMany(set.FindAll).Select(c => c.Website).DistinctBy(c => c.Slug, StringComparer.Ordinal).ToList();
        await Task.WhenAll(columns
            .Select(column => archive.ChangeAsync(column, new ColumnChange(null, item.Id), pages.RenderColumn))
            .Append(listings.RemoveAsync("web-home", item.Id, options.Value.ListLength, pages.WriteHomeAsync))
            .Append(sitemaps.RemoveItemAsync(item.Id, item.PublishAt!.Value)));
        await storage.Web.DeleteBlobIfExistsAsync(SiteRenderer.ItemPath(item.Id), cancellationToken: ct);
        var files = await attachments.WithdrawAsync(item, ct);
        var names = string.Join("、", item.Columns.Select(c => $"“{c}”"));
        return RetractStep.Retracted(
            $"已从网站撤下：删除信息页面{SiteRenderer.ItemPath(item.Id)}，并从栏目{names}的栏目页及其RSS、Atom订阅，首页，"
            + $"网站地图{SiteMaps.MonthShard(SiteMaps.Month(item.PublishAt!.Value))}中移除" + (files.Length > 0 ? "；" + files : ""));
    }
}
