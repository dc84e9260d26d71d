using Ganss.Xss;

namespace Channels.Publishing.Items;

/// <summary>Allow-list HTML sanitising: what an item body may carry to any channel (no script, handlers, javascript: URLs).</summary>
public sealed class BodySanitizer
{
    readonly HtmlSanitizer sanitizer = Create();

    public string Sanitize(string html) => sanitizer.Sanitize(html);

    /// <summary>Plain text of a body, for Weibo and SMS.</summary>
    public static string ToPlainText(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
    }

    static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        s.AllowedAttributes.Remove("style");
        s.AllowedCssProperties.Clear();
        return s;
    }
}
