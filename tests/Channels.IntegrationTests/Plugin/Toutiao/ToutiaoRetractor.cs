using Channels.Publishing.Channels;

namespace Channels.IntegrationTests.Plugin.Toutiao;

/// <summary>Deletes the article; an article already gone counts as removed.</summary>
public sealed class ToutiaoRetractor(ToutiaoClient client) : IChannelRetractor
{
    public string Channel => ToutiaoChannel.Name;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        if (job.Delivery.Progress.PlatformId is { } id) await client.DeleteAsync(id, ct);
        return RetractStep.Retracted("已从政务头条号删除");
    }
}
