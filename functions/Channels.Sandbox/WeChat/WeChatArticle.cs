namespace Channels.Sandbox.WeChat;

/// <summary>One article of a draft or publication, as accepted by draft/add (contract reference §1.5).</summary>
internal sealed record WeChatArticle(
    string ArticleType,
    string Title,
    string Author,
    string Digest,
    string Content,
    string ContentSourceUrl,
    string ThumbMediaId,
    string ThumbUrl,
    int NeedOpenComment,
    int OnlyFansCanComment)
{
    /// <summary>The article as a news_item of draft/get, draft/batchget, freepublish/batchget and getarticle.</summary>
    public Dictionary<string, object?> ToNewsItem(bool includeContent, string url, bool? isDeleted = null)
    {
        var item = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["article_type"] = ArticleType,
            ["title"] = Title,
            ["author"] = Author,
            ["digest"] = Digest,
        };
        if (includeContent) item["content"] = Content;
        item["content_source_url"] = ContentSourceUrl;
        item["thumb_media_id"] = ThumbMediaId;
        item["thumb_url"] = ThumbUrl;
        item["need_open_comment"] = NeedOpenComment;
        item["only_fans_can_comment"] = OnlyFansCanComment;
        item["url"] = url;
        if (isDeleted is { } deleted) item["is_deleted"] = deleted;
        return item;
    }
}
