namespace Channels.Publishing.Items;

/// <summary>
/// The limits draft/add puts on an article's fields, checked when an item naming the wechat channel is submitted so a
/// refusal is a 422 naming the field instead of a draft the platform rejects later. Source: the field table of 新增草稿
/// (https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add): title 总长度不超过32个字,
/// author 不超过16个字, digest 不超过128个字, content 必须少于2万字符、小于1M. Characters are counted as Unicode
/// characters (a Chinese character is one 字). An item may carry a WeChat-only title and digest (wechat.title,
/// wechat.digest) so that a long website title does not stop the WeChat article.
/// </summary>
public static class WeChatItemRules
{
    public const int MaxTitle = 32;
    public const int MaxAuthor = 16;
    public const int MaxDigest = 128;
    public const int MaxContentChars = 20_000;
    public const int MaxContentBytes = 1024 * 1024;

    /// <summary>The title the WeChat article carries.</summary>
    public static string TitleOf(PublicationItem item) => NonBlank(item.WeChat?.Title) ?? item.Title;

    /// <summary>The digest the WeChat article carries: wechat.digest, else the summary, else the start of the body.</summary>
    public static string DigestOf(PublicationItem item)
    {
        if ((NonBlank(item.WeChat?.Digest) ?? NonBlank(item.Summary)) is { } given) return given;
        var text = BodySanitizer.ToPlainText(item.Body);
        return Length(text) > MaxDigest ? Cut(text, MaxDigest) : text;
    }

    /// <summary>Length as WeChat counts 字: Unicode characters, so a character outside the BMP (an emoji) counts once.</summary>
    public static int Length(string s) => s.EnumerateRunes().Count();

    public static void Check(ValidationProblems p, PublicationItem item)
    {
        if (item.WeChat is { } w)
        {
            if (w.Title is not null && string.IsNullOrWhiteSpace(w.Title)) p.Add("wechat.title", "wechat.title 不能为空（不需要时请省略）");
            if (w.Digest is not null && string.IsNullOrWhiteSpace(w.Digest)) p.Add("wechat.digest", "wechat.digest 不能为空（不需要时请省略）");
        }

        var title = TitleOf(item);
        if (Length(title) > MaxTitle)
        {
            if (NonBlank(item.WeChat?.Title) is not null) p.Add("wechat.title", $"微信标题不能超过{MaxTitle}个字（现为{Length(title)}个字）");
            else if (!string.IsNullOrWhiteSpace(item.Title))
                p.Add("title", $"标题为{Length(title)}个字，超过微信图文标题{MaxTitle}个字的上限；请另填 wechat.title 作为微信标题");
        }

        if (NonBlank(item.WeChat?.Digest) is { } digest)
        {
            if (Length(digest) > MaxDigest) p.Add("wechat.digest", $"微信摘要不能超过{MaxDigest}个字（现为{Length(digest)}个字）");
        }
        else if (NonBlank(item.Summary) is { } summary && Length(summary) > MaxDigest)
        {
            p.Add("summary", $"摘要为{Length(summary)}个字，超过微信图文摘要{MaxDigest}个字的上限；请另填 wechat.digest 作为微信摘要");
        }

        if (!string.IsNullOrWhiteSpace(item.Publisher) && Length(item.Publisher) > MaxAuthor)
            p.Add("publisher", $"发布机构在微信中作为作者显示，不能超过{MaxAuthor}个字（现为{Length(item.Publisher)}个字）");
    }

    static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string Cut(string s, int runes) => string.Concat(s.EnumerateRunes().Take(runes).Select(r => r.ToString()));
}
