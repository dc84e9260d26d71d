using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// Validates draft/add articles against the field table of 新增草稿
/// (https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add): 1..8 articles; title and
/// content required (44003 "empty news data"); title 总长度不超过32个字 (45003 "title size out of limit"), author 不超过16个字
/// (45110 "author size out of limit", the code developers report), digest 不超过128个字 (45004 "description size out of
/// limit"), each measured on the text as written (<see cref="WeChatRawFields"/>); content under 20,000 characters and
/// under 1 MB (45002 "content size out of limit"); content_source_url 不可超过1kb (45005 "url size out of limit"); a news
/// article's thumb_media_id must be a permanent image/thumb (40007 "invalid media_id"). Error codes and messages are
/// those of WeChat's global return codes (全局返回码: 45002 content, 45003 title, 45004 description, 45005 url).
/// Our choice: the platform's code for more than 8 articles is undocumented; we answer 45002 "articles too many".
/// </summary>
internal static partial class WeChatArticleParser
{
    public const int MaxArticles = 8;
    const int MaxContentChars = 20_000;
    const int MaxContentBytes = 1024 * 1024;
    const int AutoDigestChars = 54;
    public const int MaxTitle = 32;
    public const int MaxAuthor = 16;
    public const int MaxDigest = 128;
    const int MaxSourceUrlBytes = 1024;

    public static (IReadOnlyList<WeChatArticle>? Articles, ApiResult? Error) Parse(
        JsonArray? articles, Func<string?, string?> thumbUrlOf, IReadOnlyList<Dictionary<string, int>>? rawLengths = null)
    {
        if (articles is null || articles.Count == 0) return (null, WeChatResults.Error(44003, "empty news data"));
        if (articles.Count > MaxArticles) return (null, WeChatResults.Error(45002, "articles too many, at most 8 per draft"));
        var parsed = new List<WeChatArticle>();
        for (var index = 0; index < articles.Count; index++)
        {
            var a = articles[index] as JsonObject;
            var title = JsonFields.Str(a, "title");
            var content = JsonFields.Str(a, "content");
            if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(content)) return (null, WeChatResults.Error(44003, "empty news data"));
            var raw = rawLengths is not null && index < rawLengths.Count ? rawLengths[index] : null;
            int Written(string field, string? value) => raw is not null && raw.TryGetValue(field, out var n) ? n : (value ?? "").EnumerateRunes().Count();
            if (Written("title", title) > MaxTitle) return (null, WeChatResults.Error(45003, "title size out of limit"));
            if (Written("author", JsonFields.Str(a, "author")) > MaxAuthor) return (null, WeChatResults.Error(45110, "author size out of limit"));
            if (Written("digest", JsonFields.Str(a, "digest")) > MaxDigest) return (null, WeChatResults.Error(45004, "description size out of limit"));
            if (Encoding.UTF8.GetByteCount(JsonFields.Str(a, "content_source_url") ?? "") > MaxSourceUrlBytes)
                return (null, WeChatResults.Error(45005, "url size out of limit"));
            if (content.EnumerateRunes().Count() >= MaxContentChars || Encoding.UTF8.GetByteCount(content) >= MaxContentBytes)
                return (null, WeChatResults.Error(45002, "content size out of limit"));
            var type = JsonFields.Str(a, "article_type") ?? "news";
            var thumbId = JsonFields.Str(a, "thumb_media_id");
            var thumbUrl = thumbUrlOf(thumbId);
            if (type != "newspic" && thumbUrl is null) return (null, WeChatResults.InvalidMediaId());
            parsed.Add(new WeChatArticle(type, title, JsonFields.Str(a, "author") ?? "", JsonFields.Str(a, "digest") ?? "", content,
                JsonFields.Str(a, "content_source_url") ?? "", thumbId ?? "", thumbUrl ?? "",
                JsonFields.Int(a, "need_open_comment"), JsonFields.Int(a, "only_fans_can_comment")));
        }

        return (WithDigests(parsed), null);
    }

    /// <summary>Only single-article messages keep a digest; an empty one becomes the first 54 characters of the text.</summary>
    static List<WeChatArticle> WithDigests(List<WeChatArticle> articles)
    {
        if (articles.Count > 1) return articles.Select(a => a with { Digest = "" }).ToList();
        var only = articles[0];
        if (only.Digest.Length > 0) return articles;
        var text = Whitespace().Replace(Tags().Replace(only.Content, " "), " ").Trim();
        var runes = text.EnumerateRunes().Take(AutoDigestChars).ToList();
        return [only with { Digest = string.Concat(runes.Select(r => r.ToString())) }];
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
