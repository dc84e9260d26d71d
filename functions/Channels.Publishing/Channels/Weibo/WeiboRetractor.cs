using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>Deletes the status (statuses/destroy); a status already gone (20101) counts as deleted.</summary>
public sealed class WeiboRetractor(WeiboClient client) : IChannelRetractor
{
    public string Channel => ChannelNames.Weibo;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        var id = job.Delivery.Progress.PlatformId;
        if (string.IsNullOrEmpty(id) || !long.TryParse(id, out _))
        {
            return RetractStep.Retracted(string.IsNullOrEmpty(id) ? "微博未曾发出，无需删除" : "该微博是重试时核对确认的，平台未返回编号：请在微博后台人工删除");
        }

        try
        {
            await client.DestroyAsync(id, ct);
            return RetractStep.Retracted($"已删除微博（{id}）");
        }
        catch (WeiboApiException e) when (e.Code == 20101)
        {
            return RetractStep.Retracted($"微博（{id}）此前已删除");
        }
        catch (WeiboApiException e) when (e.IsPermanent)
        {
            throw new PermanentChannelException($"微博平台拒绝删除：{e.Message}");
        }
    }
}
