using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>draft/add, draft/get, draft/batchget, draft/count and draft/delete (contract reference §1.5).</summary>
internal sealed class WeChatDraftHandlers(WeChatAuth auth, WeChatDraftStore drafts, WeChatMaterialStore materials, SandboxIds ids, TimeProvider clock)
{
    public async Task<ApiResult> AddAsync(ApiCall call)
    {
        var bytes = await call.ReadBodyBytesAsync();
        var body = ParseObject(bytes);
        var articles = JsonFields.Arr(body, "articles");
        var items = articles?.Select(a => a as System.Text.Json.Nodes.JsonObject).ToList() ?? [];
        call.Detail["titles"] = items.Select(a => JsonFields.Str(a, "title")).ToList();
        call.Detail["content_source_urls"] = items.Select(a => JsonFields.Str(a, "content_source_url")).ToList();
        call.Detail["thumb_media_ids"] = items.Select(a => JsonFields.Str(a, "thumb_media_id")).ToList();
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        var (parsed, error) = WeChatArticleParser.Parse(articles, materials.ThumbUrlOf, WeChatRawFields.Lengths(bytes));
        if (error is not null) return error;

        var seq = ids.Next("wechat-draft");
        var draft = new WeChatDraft($"sandbox-draft-{seq:D6}", seq, parsed!, clock.GetUtcNow().ToUnixTimeSeconds());
        drafts.Add(draft);
        call.PlatformId = draft.MediaId;
        return WeChatResults.Ok(new { media_id = draft.MediaId });
    }

    public async Task<ApiResult> GetAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var mediaId = JsonFields.Str(body, "media_id");
        call.Detail["media_id"] = mediaId;
        call.PlatformId = mediaId;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        if (drafts.Get(mediaId) is not { } draft) return WeChatResults.InvalidMediaId();
        return WeChatResults.Ok(new { news_item = NewsItems(draft, includeContent: true) });
    }

    public async Task<ApiResult> BatchGetAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var paging = WeChatPaging.Read(body);
        paging.Describe(call.Detail);
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        if (!paging.IsValid) return WeChatResults.InvalidArgs();
        var (total, page) = drafts.Page(paging.Offset, paging.Count);
        var item = page.Select(d => new
        {
            media_id = d.MediaId,
            content = new { news_item = NewsItems(d, includeContent: !paging.NoContent), create_time = d.UpdateTime, update_time = d.UpdateTime },
            update_time = d.UpdateTime,
        }).ToList();
        return WeChatResults.Ok(new { total_count = total, item_count = item.Count, item });
    }

    public async Task<ApiResult> CountAsync(ApiCall call)
    {
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        return WeChatResults.Ok(new { total_count = drafts.Count });
    }

    public async Task<ApiResult> DeleteAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var mediaId = JsonFields.Str(body, "media_id");
        call.Detail["media_id"] = mediaId;
        call.PlatformId = mediaId;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        return drafts.Take(mediaId) is null ? WeChatResults.InvalidMediaId() : WeChatResults.OkStatus();
    }

    static System.Text.Json.Nodes.JsonObject? ParseObject(byte[] bytes)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(bytes) as System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    static List<Dictionary<string, object?>> NewsItems(WeChatDraft draft, bool includeContent) =>
        draft.Articles.Select((a, i) => a.ToNewsItem(includeContent, draft.PreviewUrl(i))).ToList();
}
