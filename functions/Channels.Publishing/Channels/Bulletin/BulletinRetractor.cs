using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>Withdraws the printable notice and its line in the day's issue; paper already posted must be taken down by hand.</summary>
public sealed class BulletinRetractor(ChannelsStorage storage, ListingBook listings, IOptions<WebsiteOptions> site) : IChannelRetractor
{
    readonly BulletinRenderer renderer = new(site.Value.SiteTitle);

    public string Channel => ChannelNames.Bulletin;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        var item = job.Delivery.Item;
        var date = ChinaTime.Date(item.PublishAt!.Value);
        await listings.RemoveAsync("bulletin-" + date, item.Id, limit: null,
            (list, c) => PageWriter.OverwriteAsync(storage.Bulletin, BulletinRenderer.IssuePath(date), renderer.Issue(date, [.. list.Reverse()]), c));
        await storage.Bulletin.DeleteBlobIfExistsAsync(BulletinRenderer.ItemPath(date, item.Id), cancellationToken: ct);
        var boards = item.Bulletin?.Boards is { Count: > 0 } b ? string.Join("、", b) : "各公开栏";
        return RetractStep.Retracted($"已撤下电子版与{date}期目录；已张贴的纸质公告请到{boards}人工撤下");
    }
}
