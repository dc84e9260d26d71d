using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// freepublish/submit, get, batchget, getarticle and delete (contract reference §1.6, §1.7, §1.10).
/// Our choices: an unknown or already published media_id on submit → 53503; an unknown publish_id on get → 40002
/// (invalid argument); an unknown article_id on delete/getarticle → 53600; a bad delete index → 40002.
/// </summary>
internal sealed class WeChatPublishHandlers(WeChatAuth auth, WeChatDraftStore drafts, WeChatPublishStore publications, WeChatPushSender push,
    TimeProvider clock)
{
    public async Task<ApiResult> SubmitAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var mediaId = JsonFields.Str(body, "media_id");
        call.Detail["media_id"] = mediaId;
        call.Detail["titles"] = drafts.Get(mediaId)?.Titles;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        if (drafts.Take(mediaId) is not { } draft)
            return WeChatResults.Error(53503, "该草稿未通过发布检查 (sandbox: no such draft, or it was already published)");

        var publication = publications.Submit(draft.Articles, clock.GetUtcNow().ToUnixTimeSeconds());
        call.PlatformId = publication.PublishId;
        call.Detail["titles"] = draft.Titles;
        call.Detail["article_id"] = publication.ArticleId;
        push.Schedule(publication.PublishId);
        return WeChatResults.Ok(new { errcode = 0, errmsg = "ok", publish_id = publication.PublishId, msg_data_id = publication.MsgDataId });
    }

    public async Task<ApiResult> GetAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var publishId = JsonFields.Str(body, "publish_id");
        call.Detail["publish_id"] = publishId;
        call.PlatformId = publishId;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        if (publications.Poll(publishId) is not { } p) return WeChatResults.Error(40002, "invalid args: unknown publish_id");

        call.Detail["publish_status"] = p.Status;
        if (p.Status == 1) return WeChatResults.Ok(new { publish_id = p.PublishId, publish_status = 1, fail_idx = Array.Empty<int>() });
        call.Detail["article_id"] = p.ArticleId;
        return WeChatResults.Ok(new
        {
            publish_id = p.PublishId,
            publish_status = p.Status,
            article_id = p.ArticleId,
            article_detail = new { count = p.Urls.Count, item = p.Urls.Select((url, i) => new { idx = i + 1, article_url = url }).ToList() },
            fail_idx = Array.Empty<int>(),
        });
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
        var (total, page) = publications.Page(paging.Offset, paging.Count);
        var item = page.Select(p => new
        {
            article_id = p.ArticleId,
            content = new { news_item = NewsItems(p, includeContent: !paging.NoContent), create_time = p.UpdateTime, update_time = p.UpdateTime },
            update_time = p.UpdateTime,
        }).ToList();
        return WeChatResults.Ok(new { total_count = total, item_count = item.Count, item });
    }

    public async Task<ApiResult> GetArticleAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var articleId = JsonFields.Str(body, "article_id");
        call.Detail["article_id"] = articleId;
        call.PlatformId = articleId;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        if (publications.FindByArticle(articleId) is not { } p) return WeChatResults.Error(53600, "Invalid article_id");
        return WeChatResults.Ok(new { news_item = NewsItems(p, includeContent: true) });
    }

    public async Task<ApiResult> DeleteAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var articleId = JsonFields.Str(body, "article_id");
        var index = JsonFields.Int(body, "index");
        call.Detail["article_id"] = articleId;
        call.Detail["index"] = index;
        call.PlatformId = articleId;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        return publications.Delete(articleId, index) switch
        {
            WeChatDeleteResult.Deleted => WeChatResults.OkStatus(),
            WeChatDeleteResult.BadIndex => WeChatResults.Error(40002, "invalid args: index out of range"),
            _ => WeChatResults.Error(53600, "Invalid article_id"),
        };
    }

    static List<Dictionary<string, object?>> NewsItems(WeChatPublishView p, bool includeContent) =>
        p.Articles.Select((a, i) => a.ToNewsItem(includeContent, p.Urls[i], isDeleted: p.Deleted[i])).ToList();
}
