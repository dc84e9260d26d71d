using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// Validates draft/add articles: 1..8 articles; title and content required (44003 "empty news data"); content
/// under 20,000 characters and under 1 MB (45002 "content size out of limit"); a news article's thumb_media_id must
/// be a permanent image/thumb or "sandbox-default-thumb" (40007 "invalid media_id").
/// Our choice: the platform's code for more than 8 articles is undocumented; we answer 45002 "articles too many".
/// </summary>
internal static partial class WeChatArticleParser
{
    public const int MaxArticles = 8;
    const int MaxContentChars = 20_000;
    const int MaxContentBytes = 1024 * 1024;
    const int AutoDigestChars = 54;

    public static (IReadOnlyList<WeChatArticle>? Articles, ApiResult? Error) Parse(JsonArray? articles, Func<string?, string?> thumbUrlOf)
    {
        if (articles is null || articles.Count == 0) return (null, WeChatResults.Error(44003, "empty news data"));
        if (articles.Count > MaxArticles) return (null, WeChatResults.Error(45002, "articles too many, at most 8 per draft"));
        var parsed = new List<WeChatArticle>();
        foreach (var node in articles)
        {
            var a = node as JsonObject;
            var title = JsonFields.Str(a, "title");
            var content = JsonFields.Str(a, "content");
            if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(content)) return (null, WeChatResults.Error(44003, "empty news data"));
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
