using System.Text.Json;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The WeChat Official Account API, raw HTTP (Senparc is not served here): stable_token, draft/add,
/// freepublish/submit and freepublish/get. Tokens are cached and refreshed once on 40001/40014/42001.
/// </summary>
public class WeChatClient(HttpClient http, WeChatTokenCache tokens)
{
    public virtual async Task<string> AddDraftAsync(WeChatArticle article, CancellationToken ct)
    {
        var r = await CallAsync("draft/add", new { articles = new[] { article } }, ct);
        return r.Str("media_id") ?? throw new WeChatApiException("draft/add", -1, "no media_id");
    }

    public virtual async Task<(string PublishId, string? MsgDataId)> SubmitPublishAsync(string mediaId, CancellationToken ct)
    {
        var r = await CallAsync("freepublish/submit", new { media_id = mediaId }, ct);
        return (r.Str("publish_id") ?? throw new WeChatApiException("freepublish/submit", -1, "no publish_id"), r.Str("msg_data_id"));
    }

    public virtual async Task<PublishStatus> GetPublishAsync(string publishId, CancellationToken ct)
    {
        var r = await CallAsync("freepublish/get", new { publish_id = publishId }, ct);
        var urls = new List<string>();
        if (r.TryGetProperty("article_detail", out var d) && d.TryGetProperty("item", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            urls.AddRange(items.EnumerateArray().Select(i => i.Str("article_url")).OfType<string>());
        }

        return new PublishStatus(r.Int("publish_status"), r.Str("article_id"), urls);
    }

    async Task<JsonElement> CallAsync(string api, object body, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(http, ct);
            using var response = await http.PostAsync($"cgi-bin/{api}?access_token={Uri.EscapeDataString(token)}", ChannelHttp.Json(body), ct);
            var json = await ChannelHttp.ReadJsonAsync(response, "WeChat " + api, ct);
            var errcode = json.Int("errcode");
            if (errcode == 0) return json;
            var error = new WeChatApiException(api, errcode, json.Str("errmsg"));
            if (error.IsTokenProblem && attempt == 0)
            {
                tokens.Invalidate(token);
                continue;
            }

            throw error;
        }
    }
}

/// <summary>One 图文 article of a draft.</summary>
public sealed record WeChatArticle(string title, string author, string digest, string content, string content_source_url, string thumb_media_id)
{
    public int need_open_comment { get; init; }
    public int only_fans_can_comment { get; init; }
}

/// <summary>freepublish/get: 0 success, 1 publishing, 2 originality check failed, 3 failed, 4 review rejected, 5/6 deleted/banned.</summary>
public sealed record PublishStatus(int Status, string? ArticleId, IReadOnlyList<string> ArticleUrls);
