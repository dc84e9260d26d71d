using Channels.Publishing.Channels.Website;
using Channels.Publishing.Storage;
using Ganss.Xss;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Items;

/// <summary>
/// Allow-list HTML sanitising: what an item body may carry to any channel (no script, handlers, javascript: URLs).
/// Images stay only when they come from our own storage (<see cref="OwnImages"/>): an external image on a government
/// page is a tracking pixel. No target or name attributes (no window.opener, no named-window or DOM clobbering tricks).
/// </summary>
public sealed class BodySanitizer
{
    readonly HtmlSanitizer sanitizer;

    /// <summary>Relative image addresses only (tests, tools).</summary>
    public BodySanitizer() : this(new OwnImages(null, null))
    {
    }

    public BodySanitizer(IOptions<WebsiteOptions> site, ChannelsStorage storage) : this(new OwnImages(site.Value.BaseUrl, storage.Archive.Uri.AbsoluteUri))
    {
    }

    public BodySanitizer(OwnImages images)
    {
        sanitizer = Create();
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var img in e.Document.QuerySelectorAll("img").ToList())
            {
                if (!images.Allows(img.GetAttribute("src"))) img.Remove();
            }
        };
    }

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
        s.AllowedAttributes.Remove("target");
        s.AllowedAttributes.Remove("name");
        s.AllowedAttributes.Remove("srcset");
        s.AllowedAttributes.Remove("background");
        s.AllowedAttributes.Remove("poster");
        s.AllowedCssProperties.Clear();
        return s;
    }
}

/// <summary>
/// Where an item's images may come from: a relative address (resolved against our own site), the site's base URL, or
/// the archive container — our own storage, the same places WeChat image upload reads from.
/// </summary>
public sealed class OwnImages(string? siteBase, string? archiveBase)
{
    readonly Uri[] roots = new[] { siteBase, archiveBase }.OfType<string>().Select(b => new Uri(b.TrimEnd('/') + "/")).ToArray();

    public bool Allows(string? src)
    {
        if (string.IsNullOrWhiteSpace(src)) return false;
        src = src.Trim();
        if (src.StartsWith("//", StringComparison.Ordinal) || src.Contains('\\', StringComparison.Ordinal)) return false;
        // A path on our own site ("/x.png", "images/x.png"); anything with a scheme is checked below.
        if (src.StartsWith('/') || !src.Contains(':', StringComparison.Ordinal)) return !src.Contains("..", StringComparison.Ordinal);
        if (!Uri.TryCreate(src, UriKind.Absolute, out var url)) return false;
        if (url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0) return false;
        return roots.Any(root => Uri.Compare(url, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && url.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal) && !url.AbsolutePath.Contains("..", StringComparison.Ordinal));
    }
}
