using System.Globalization;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Weibo;

/// <summary>
/// statuses/share.json (form-encoded, or multipart with "pic") and statuses/destroy.json (contract reference §2).
/// Checks in order: token (403: 21301 missing, 21332 wrong), status and rip present (10016), the text rules of
/// <see cref="WeiboStatusRules"/>, the picture (20005 type, 20006 over 5 MB), identical live text (20019).
/// </summary>
internal sealed class WeiboHandlers(WeiboStore store, SandboxOptions options)
{
    const long MaxPicBytes = 5 * 1024 * 1024;
    readonly IReadOnlyList<string> safeDomains = WeiboStatusRules.ParseDomains(options.WeiboSafeDomains);

    public async Task<ApiResult> ShareAsync(ApiCall call)
    {
        var form = await call.ReadFormAsync();
        var text = form?["status"].ToString();
        var rip = form?["rip"].ToString();
        var pic = form?.Files.GetFile("pic");
        call.Detail["text"] = text;
        call.Detail["rip"] = rip;
        call.Detail["hasPic"] = pic is not null;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (Deny(call, form) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(text)) return WeiboResults.Error(call, "10016", "miss required parameter (status), see doc for more info.");
        if (string.IsNullOrWhiteSpace(rip)) return WeiboResults.Error(call, "10016", "miss required parameter (rip), see doc for more info.");
        if (WeiboStatusRules.Check(text, safeDomains) is { } broken) return WeiboResults.Error(call, broken.Code, broken.Message);
        if (pic is not null)
        {
            if (await ImageFormat.DetectAsync(pic, call.Aborted) is not (ImageFormat.Jpg or ImageFormat.Gif or ImageFormat.Png))
                return WeiboResults.Error(call, "20005", "Unsupported image type, only suport JPG, GIF, PNG!");
            if (pic.Length > MaxPicBytes) return WeiboResults.Error(call, "20006", "Image size too large.");
        }

        if (store.TryPost(text, pic is not null) is not { } post) return WeiboResults.Error(call, "20019", "Repeated weibo text!");
        call.PlatformId = post.IdStr;
        return WeiboResults.Ok(WeiboStatusJson.Of(post));
    }

    public async Task<ApiResult> DestroyAsync(ApiCall call)
    {
        var form = await call.ReadFormAsync();
        var id = form?["id"].ToString();
        call.Detail["id"] = id;
        call.PlatformId = string.IsNullOrEmpty(id) ? null : id;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (Deny(call, form) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(id)) return WeiboResults.Error(call, "10016", "miss required parameter (id), see doc for more info.");
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var statusId))
            return WeiboResults.Error(call, "10017", $"parameter (id)'s value invalid, expect (long), but get ({id}), see doc for more info.");
        if (store.Destroy(statusId) is not { } post) return WeiboResults.Error(call, "20101", "Target weibo does not exist!");
        call.Detail["text"] = post.Text;
        return WeiboResults.Ok(WeiboStatusJson.Of(post));
    }

    /// <summary>The token comes as the access_token parameter (form or query) or as "Authorization: OAuth2 &lt;token&gt;".</summary>
    ApiResult? Deny(ApiCall call, IFormCollection? form)
    {
        var token = form?["access_token"].ToString() is { Length: > 0 } t ? t : call.Query("access_token");
        var header = call.Http.Request.Headers.Authorization.ToString();
        if (token is null && header.StartsWith("OAuth2 ", StringComparison.OrdinalIgnoreCase)) token = header["OAuth2 ".Length..].Trim();
        if (string.IsNullOrEmpty(token)) return WeiboResults.Error(call, "21301", "auth faild!");
        return token == options.WeiboAccessToken ? null : WeiboResults.Error(call, "21332", "invalid_access_token");
    }
}
