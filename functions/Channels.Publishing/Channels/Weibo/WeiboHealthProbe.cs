using Channels.Publishing.Items;
using Channels.Publishing.Monitoring;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>Weibo's health: the token hold (credentials expired) and the hourly posting budget.</summary>
public sealed class WeiboHealthProbe(WeiboCredentials credentials, WeiboPostingWindow window) : IChannelHealthProbe
{
    public string Channel => ChannelNames.Weibo;

    public async Task<ProbeResult> ProbeAsync(CancellationToken ct)
    {
        var held = await credentials.HeldReasonAsync(ct);
        var (used, limit) = await window.UsageAsync(ct);
        return new ProbeResult(held is null ? "valid" : "expired", new QuotaView(used, limit, Math.Max(0, limit - used), "hour"), held is not null, held);
    }
}
