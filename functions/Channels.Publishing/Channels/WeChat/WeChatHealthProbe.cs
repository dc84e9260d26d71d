using Channels.Publishing.Items;
using Channels.Publishing.Monitoring;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>WeChat's health: whether this instance holds a stable_token and until when (never the token itself).</summary>
public sealed class WeChatHealthProbe(WeChatTokenCache tokens, TimeProvider time) : IChannelHealthProbe
{
    public string Channel => ChannelNames.WeChat;

    public Task<ProbeResult> ProbeAsync(CancellationToken ct)
    {
        var (held, refreshAt) = tokens.State;
        var token = !held ? "unknown" : refreshAt > time.GetUtcNow() ? "valid" : "expired";
        var note = held ? "access_token 将于 " + ChinaTime.ToChina(refreshAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " 前刷新"
            : "尚未获取 access_token（首次发布时获取）";
        return Task.FromResult(new ProbeResult(token, null, false, note));
    }
}
