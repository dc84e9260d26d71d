using Channels.Publishing.Items;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Website;

/// <summary>Unpublishes an item: its page is deleted and its entry leaves every column page and the home page it was on.</summary>
public sealed class WebsiteRetractor(ChannelsStorage storage, ListingBook listings, IOptions<WebsiteOptions> options) : IChannelRetractor
{
    readonly SiteRenderer renderer = new(options.Value);

    public string Channel => ChannelNames.Website;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        var item = job.Delivery.Item;
        var limit = options.Value.ListLength;
        var columns = item.Columns.Select(ColumnCatalog.Find).OfType<WebsiteColumn>().ToList();
        await Task.WhenAll(columns
            .Select(column => listings.RemoveAsync("web-col-" + column.Slug, item.Id, limit,
                (list, c) => PageWriter.OverwriteAsync(storage.Web, SiteRenderer.ColumnPath(column), renderer.ColumnPage(column, list), c)))
            .Append(listings.RemoveAsync("web-home", item.Id, limit,
                (list, c) => PageWriter.OverwriteAsync(storage.Web, "index.html", renderer.HomePage(list), c))));
        await storage.Web.DeleteBlobIfExistsAsync(SiteRenderer.ItemPath(item.Id), cancellationToken: ct);
        return RetractStep.Retracted($"已从网站撤下：删除信息页面，并从{columns.Count}个栏目页和首页移除");
    }
}
