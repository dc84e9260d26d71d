using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// Printable bulletin/gazette exports in the "bulletin" container: one notice per item under the day of its
/// publication (UTC+8), and that day's issue listing every notice to post. Delivered once both are written.
/// </summary>
public sealed class BulletinPublisher(ChannelsStorage storage, BodySanitizer sanitizer, ListingBook listings, IOptions<WebsiteOptions> site) : IChannelPublisher
{
    readonly BulletinRenderer renderer = new(site.Value.SiteTitle);

    public string Channel => ChannelNames.Bulletin;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var item = job.Item;
        var date = ChinaTime.Date(item.PublishAt!.Value);
        var path = BulletinRenderer.ItemPath(date, item.Id);
        await PageWriter.WriteContentAsync(storage.Bulletin, path, renderer.Notice(item, sanitizer.Sanitize(item.Body)), ct);
        job.Entry.PlatformId = path;
        job.Entry.Url = storage.Bulletin.GetBlobClient(path).Uri.ToString();
        await job.SaveAsync(ct);

        // The day's issue lists every notice (no limit), in id order.
        await listings.AddAsync("bulletin-" + date, new SiteListing(item.Id, item.Title, date, item.Id), limit: null,
            (list, c) => PageWriter.OverwriteAsync(storage.Bulletin, BulletinRenderer.IssuePath(date), renderer.Issue(date, [.. list.Reverse()]), c));

        return ChannelStep.Delivered(new CountedPost(Channel, item.Id, Metrics.Item, date));
    }

    public Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct) => Task.FromResult(ChannelStep.Delivered());
}
