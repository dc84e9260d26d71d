using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The central token holder WeChat asks for (中控): one stable_token per app, refreshed 5 minutes before expiry,
/// one refresh in flight at a time. A call that reports the token bad (40001/40014/42001) forces a refresh:
/// stable_token in its ordinary mode (force_refresh=false) answers the SAME token while it is valid on the platform's
/// side, so asking again without force_refresh would hand back the rejected token
/// (https://developers.weixin.qq.com/doc/service/api/base/api_getstableaccesstoken: 普通模式 access_token 有效期内重复调用该接口不会更新;
/// 强制刷新模式会导致上次获取的 access_token 失效). Forced refreshes are limited (20 a day, 30 s apart), so one is made
/// only when the rejected token is still the one held — concurrent callers that saw the same rejection share it.
/// </summary>
public sealed class WeChatTokenCache(IOptions<WeChatOptions> options, TimeProvider time)
{
    readonly SemaphoreSlim gate = new(1, 1);
    string? token;
    DateTimeOffset refreshAt;

    public async Task<string> GetAsync(HttpClient http, CancellationToken ct)
    {
        if (token is { } t && time.GetUtcNow() < refreshAt) return t;
        await gate.WaitAsync(ct);
        try
        {
            if (token is { } t2 && time.GetUtcNow() < refreshAt) return t2;
            return await FetchAsync(http, force: false, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The platform rejected <paramref name="rejected"/>: a new token, forced unless another caller already replaced it.</summary>
    public async Task<string> ForceRefreshAsync(HttpClient http, string rejected, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (token is { } current && current != rejected && time.GetUtcNow() < refreshAt) return current;
            return await FetchAsync(http, force: true, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>How many forced refreshes this instance made (the platform allows 20 a day, 30 s apart).</summary>
    public int ForcedRefreshes { get; private set; }

    async Task<string> FetchAsync(HttpClient http, bool force, CancellationToken ct)
    {
        var o = options.Value;
        if (force) ForcedRefreshes++;
        using var response = await http.PostAsync("cgi-bin/stable_token",
            ChannelHttp.Json(new { grant_type = "client_credential", appid = o.AppId, secret = o.AppSecret, force_refresh = force }), ct);
        var json = await ChannelHttp.ReadJsonAsync(response, "WeChat stable_token", ct);
        var errcode = json.Int("errcode");
        if (errcode != 0) throw new WeChatApiException("stable_token", errcode, json.Str("errmsg"));
        token = json.Str("access_token") ?? throw new WeChatApiException("stable_token", -1, "no access_token");
        var lifetime = Math.Max(json.Int("expires_in"), 60);
        refreshAt = time.GetUtcNow().AddSeconds(Math.Max(lifetime - 300, lifetime / 2));
        return token;
    }

    /// <summary>For the health card: whether a token is held and when it will be refreshed (never the token itself).</summary>
    public (bool Held, DateTimeOffset RefreshAt) State => (token is not null, refreshAt);
}
