using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The central token holder WeChat asks for (中控): one stable_token per app, refreshed 5 minutes before expiry,
/// one refresh in flight at a time, and a passive refresh when a call reports the token bad.
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
            var o = options.Value;
            using var response = await http.PostAsync("cgi-bin/stable_token",
                ChannelHttp.Json(new { grant_type = "client_credential", appid = o.AppId, secret = o.AppSecret, force_refresh = false }), ct);
            var json = await ChannelHttp.ReadJsonAsync(response, "WeChat stable_token", ct);
            var errcode = json.Int("errcode");
            if (errcode != 0) throw new WeChatApiException("stable_token", errcode, json.Str("errmsg"));
            token = json.Str("access_token") ?? throw new WeChatApiException("stable_token", -1, "no access_token");
            var lifetime = Math.Max(json.Int("expires_in"), 60);
            refreshAt = time.GetUtcNow().AddSeconds(Math.Max(lifetime - 300, lifetime / 2));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>For the health card: whether a token is held and when it will be refreshed (never the token itself).</summary>
    public (bool Held, DateTimeOffset RefreshAt) State => (token is not null, refreshAt);

    public void Invalidate(string bad)
    {
        if (token == bad) token = null;
    }
}
