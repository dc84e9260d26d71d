namespace Channels.Publishing.Preview;

/// <summary>
/// The answer of POST /api/publications/preview: whether a submission of the item would be accepted, its problems
/// keyed by JSON path exactly as a 422's errors, and per requested channel what would go out.
/// </summary>
public sealed record PublicationPreview(bool Valid, IReadOnlyDictionary<string, string[]> Problems, IReadOnlyDictionary<string, object> Channels);

/// <summary>The item page as the website writes it.</summary>
public sealed record WebsitePreview(string Path, string Url, string Html);

/// <summary>The draft/add article (its cover aside): title, digest, author and content as sent.</summary>
public sealed record WeChatPreview(string Title, string Digest, string Author, string Content, string ContentSourceUrl, IReadOnlyList<string> Notes)
{
    public int TitleLength => Items.WeChatItemRules.Length(Title);
    public int DigestLength => Items.WeChatItemRules.Length(Digest);
    public int ContentLength => Content.Length;
}

/// <summary>The statuses/share text and its length as Weibo counts it (limit 140).</summary>
public sealed record WeiboPreview(string Text, int Length, int Limit);

/// <summary>
/// The SMS as Tencent sends it: the text with its 【signature】, the template and its parameters, the characters and
/// billed messages (条) per recipient, and the recipients left after the opt-out list. Text is null when the SMS cannot
/// be sent as asked (the reason is in the problems).
/// </summary>
public sealed record SmsPreview(
    string? Text, string? Body, string? Template, string? TemplateName, string? TemplateText, IReadOnlyList<string>? Params, int? Length, int? Segments,
    string SignName, int Recipients);

/// <summary>The printable A4 notice for the bulletin boards.</summary>
public sealed record BulletinPreview(string Path, string Url, string Html, IReadOnlyList<string> Boards);

/// <summary>A requested channel that cannot be shown: why (zh-CN).</summary>
public sealed record ChannelUnavailable(string Unavailable);
