namespace Channels.Publishing.Channels.Weibo;

/// <summary>Sina Weibo statuses/share.json (form-encoded).</summary>
public class WeiboClient(HttpClient http, Microsoft.Extensions.Options.IOptions<WeiboOptions> options)
{
    /// <summary>Posts a status; returns its idstr.</summary>
    public virtual async Task<(string IdStr, string? UserId)> ShareAsync(string status, CancellationToken ct)
    {
        var o = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["access_token"] = o.AccessToken, ["status"] = status, ["rip"] = o.EffectiveRip,
        });
        using var response = await http.PostAsync("2/statuses/share.json", form, ct);
        var json = await ChannelHttp.ReadJsonAsync(response, "Weibo statuses/share", ct);
        var code = json.Str("error_code");
        if (code is not null) throw new WeiboApiException(int.TryParse(code, out var c) ? c : -1, json.Str("error"));
        var user = json.TryGetProperty("user", out var u) ? u.Str("id") : null;
        return (json.Str("idstr") ?? json.Str("id") ?? throw new WeiboApiException(-1, "no idstr"), user);
    }

    /// <summary>statuses/destroy.json: deletes one of the account's statuses.</summary>
    public virtual async Task DestroyAsync(string id, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["access_token"] = options.Value.AccessToken, ["id"] = id });
        using var response = await http.PostAsync("2/statuses/destroy.json", form, ct);
        var json = await ChannelHttp.ReadJsonAsync(response, "Weibo statuses/destroy", ct);
        var code = json.Str("error_code");
        if (code is not null) throw new WeiboApiException(int.TryParse(code, out var c) ? c : -1, json.Str("error"));
    }
}

/// <summary>A Weibo error_code (contract reference §2.4).</summary>
public sealed class WeiboApiException(int code, string? error) : Exception($"Weibo error_code {code} {error}"), IQuotaLimited
{
    /// <summary>Weibo's own error text ("appkey not bind domain!", "Text too long, …").</summary>
    public string? Error { get; } = error;

    /// <summary>
    /// The refusal in Chinese for the admin, when we know what it means: 10017 "appkey not bind domain!" (the link is not
    /// under the app's 安全域名, reported for statuses/share at https://blog.csdn.net/qq_35241831/article/details/120436206),
    /// 20012 text too long, 10016 a missing parameter.
    /// </summary>
    public string? ChineseReason => Code switch
    {
        10017 when Error?.Contains("bind domain", StringComparison.OrdinalIgnoreCase) == true =>
            "正文中的链接不在应用绑定的安全域名内（微博开放平台 我的应用—应用信息—安全域名 须包含网站域名）",
        20012 => "正文超过140字（微博计数：两个半角字符算一个字，链接算10个字）",
        10016 => "缺少必填参数（" + Error + "）",
        _ => null,
    };

    /// <summary>Rate limits (10022 IP, 10023 user, 10024 user per API, 20016 out of limit) are hourly (contract reference §2.5).</summary>
    public QuotaWindow? Window => Code is 10022 or 10023 or 10024 or 20016 ? QuotaWindow.Hour : null;

    public int Code { get; } = code;

    /// <summary>The same or similar text was already posted (20017, 20019, 20111).</summary>
    public bool IsDuplicate => Code is 20017 or 20019 or 20111;

    /// <summary>The access token is expired, revoked or invalid: only a person can renew it (contract reference §2.4).</summary>
    public bool IsCredentialProblem => Code is 21301 or 21314 or 21315 or 21316 or 21317 or 21319 or 21327 or 21332;

    /// <summary>Content, permission or credential problems no retry can fix.</summary>
    public bool IsPermanent => Code is 20012 or 20018 or 20020 or 20021 or 20022 or 20031 or 10008 or 10014 or 10016 or 10017
        or 21301 or 21314 or 21315 or 21316 or 21317 or 21319 or 21327 or 21332;
}
