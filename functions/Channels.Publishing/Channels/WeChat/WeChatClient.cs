using System.Text.Json;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The WeChat Official Account API, raw HTTP (Senparc is not served here): stable_token, draft/add,
/// freepublish/submit and freepublish/get. Tokens are cached; 40001/40014/42001 force one stable_token refresh and one retry.
/// </summary>
public class WeChatClient(HttpClient http, WeChatTokenCache tokens)
{
    public virtual Task<string> AddDraftAsync(WeChatArticle article, CancellationToken ct) => AddDraftAsync([article], ct);

    /// <summary>draft/add with up to 8 articles (one message); returns the draft's media_id.</summary>
    public virtual async Task<string> AddDraftAsync(WeChatArticle[] articles, CancellationToken ct)
    {
        var r = await CallAsync("draft/add", new { articles }, ct);
        return r.Str("media_id") ?? throw new WeChatApiException("draft/add", -1, "no media_id");
    }

    /// <summary>message/mass/sendall of a draft to all followers (群发), deduplicated by clientmsgid; returns msg_id and msg_data_id.</summary>
    public virtual async Task<(string MsgId, string? MsgDataId)> MassSendAsync(string mediaId, string clientMsgId, CancellationToken ct)
    {
        var r = await CallAsync("message/mass/sendall", new
        {
            filter = new { is_to_all = true },
            mpnews = new { media_id = mediaId },
            msgtype = "mpnews",
            send_ignore_reprint = 0,
            clientmsgid = clientMsgId,
        }, ct);
        return (Text(r, "msg_id") ?? throw new WeChatApiException("message/mass/sendall", -1, "no msg_id"), Text(r, "msg_data_id"));
    }

    static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;

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

    /// <summary>freepublish/getarticle: the content_source_url of each article of a publication.</summary>
    public virtual async Task<IReadOnlyList<string>> GetArticleSourceUrlsAsync(string articleId, CancellationToken ct)
    {
        var r = await CallAsync("freepublish/getarticle", new { article_id = articleId }, ct);
        return r.TryGetProperty("news_item", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(i => i.Str("content_source_url")).OfType<string>().ToList()
            : [];
    }

    /// <summary>message/mass/get: SEND_SUCCESS, SENDING, SEND_FAIL or DELETE.</summary>
    public virtual async Task<string> GetMassStatusAsync(string msgId, CancellationToken ct) =>
        (await CallAsync("message/mass/get", new { msg_id = msgId }, ct)).Str("msg_status") ?? "";

    /// <summary>freepublish/delete of every article of a publication (index 0).</summary>
    public virtual Task DeletePublishedAsync(string articleId, CancellationToken ct) =>
        CallAsync("freepublish/delete", new { article_id = articleId, index = 0 }, ct);

    /// <summary>material/add_material?type=thumb: a permanent cover image; returns its media_id.</summary>
    public virtual async Task<string> AddThumbAsync(byte[] jpeg, string fileName, CancellationToken ct)
    {
        var r = await CallAsync("material/add_material", "&type=thumb", () => WeChatMultipart.File(jpeg, fileName, "image/jpeg"), ct);
        return r.Str("media_id") ?? throw new WeChatApiException("material/add_material", -1, "no media_id");
    }

    /// <summary>media/uploadimg: an image for use inside article HTML (jpg/png under 1 MB); returns its mmbiz.qpic.cn URL.</summary>
    public virtual async Task<string> UploadImageAsync(byte[] image, string fileName, string contentType, CancellationToken ct)
    {
        var r = await CallAsync("media/uploadimg", "", () => WeChatMultipart.File(image, fileName, contentType), ct);
        return r.Str("url") ?? throw new WeChatApiException("media/uploadimg", -1, "no url");
    }

    /// <summary>One page (newest first) of draft/batchget or freepublish/batchget, without article content.</summary>
    public virtual async Task<WeChatPage> BatchGetAsync(string api, int offset, int count, CancellationToken ct)
    {
        var r = await CallAsync(api, new { offset, count, no_content = 1 }, ct);
        var entries = new List<WeChatPageEntry>();
        if (r.TryGetProperty("item", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                var news = item.TryGetProperty("content", out var c) && c.TryGetProperty("news_item", out var n) && n.ValueKind == JsonValueKind.Array
                    ? n.EnumerateArray().Select(a => new WeChatNewsItem(a.Str("title"), a.Str("content_source_url"), a.Str("url"))).ToList()
                    : [];
                entries.Add(new WeChatPageEntry(item.Str("media_id") ?? item.Str("article_id") ?? "", news));
            }
        }

        return new WeChatPage(r.Int("total_count"), entries);
    }

    Task<JsonElement> CallAsync(string api, object body, CancellationToken ct) => CallAsync(api, "", () => WeChatJson.Content(body), ct);

    async Task<JsonElement> CallAsync(string api, string query, Func<HttpContent> content, CancellationToken ct)
    {
        string? token = null;
        for (var attempt = 0; ; attempt++)
        {
            token = attempt == 0 ? await tokens.GetAsync(http, ct) : await tokens.ForceRefreshAsync(http, token!, ct);
            using var body = content();
            using var response = await http.PostAsync($"cgi-bin/{api}?access_token={Uri.EscapeDataString(token)}{query}", body, ct);
            var json = await ChannelHttp.ReadJsonAsync(response, "WeChat " + api, ct);
            var errcode = json.Int("errcode");
            if (errcode == 0) return json;
            var error = new WeChatApiException(api, errcode, json.Str("errmsg")) { MsgId = Text(json, "msg_id") };
            if (error.IsTokenProblem && attempt == 0) continue; // once, with a forced stable_token refresh

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

/// <summary>A page of draft/batchget (Id = media_id) or freepublish/batchget (Id = article_id).</summary>
public sealed record WeChatPage(int Total, IReadOnlyList<WeChatPageEntry> Entries);

public sealed record WeChatPageEntry(string Id, IReadOnlyList<WeChatNewsItem> Articles);

public sealed record WeChatNewsItem(string? Title, string? ContentSourceUrl, string? Url);

/// <summary>freepublish/get: 0 success, 1 publishing, 2 originality check failed, 3 failed, 4 review rejected, 5/6 deleted/banned.</summary>
public sealed record PublishStatus(int Status, string? ArticleId, IReadOnlyList<string> ArticleUrls);
