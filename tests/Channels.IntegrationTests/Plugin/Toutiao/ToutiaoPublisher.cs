using Channels.Publishing.Channels;
using Channels.Publishing.Ledger;

namespace Channels.IntegrationTests.Plugin.Toutiao;

/// <summary>
/// Posts one article per item and waits for the platform's review. It reads and records only through
/// <see cref="DeliveryJob.Progress"/> (never a ledger row): the article id is recorded right after the post, and a
/// retry without one first asks the platform whether an earlier attempt's post went through — it never posts twice.
/// </summary>
public sealed class ToutiaoPublisher(ToutiaoClient client) : IChannelPublisher
{
    public string Channel => ToutiaoChannel.Name;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        if (job.Progress.PlatformId is null)
        {
            var earlier = job.Progress.Attempt > 1 ? await client.FindAsync(job.Item.Id, ct) : null;
            await job.Progress.RecordAsync(new PlatformRecord(earlier ?? await client.PostAsync(job.Item, ct)), ct);
        }

        return await CheckAsync(job, ct);
    }

    public async Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct)
    {
        var (status, url) = await client.StatusAsync(job.Progress.PlatformId!, ct);
        switch (status)
        {
            case "published":
                if (url is not null && job.Progress.Url != url) await job.Progress.RecordAsync(new PlatformRecord(Url: url), ct);
                return ChannelStep.Delivered(new CountedPost(Channel, job.Item.Id, ToutiaoChannel.Article));
            case "rejected":
                return ChannelStep.Failed("政务头条号审核未通过");
            default:
                return ChannelStep.Awaiting();
        }
    }
}
