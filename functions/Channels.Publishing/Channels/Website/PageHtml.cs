using System.Net;
using System.Text;

namespace Channels.Publishing.Channels.Website;

/// <summary>The shared frame of every generated page (site and bulletin): zh-CN, no script, printable.</summary>
public static class PageHtml
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Frame(string title, string siteTitle, string homeHref, string main) => Frame(title, siteTitle, homeHref, main, "");

    /// <summary>As above, with <paramref name="headExtra"/> (trusted markup: links, styles) at the end of &lt;head&gt;.</summary>
    public static string Frame(string title, string siteTitle, string homeHref, string main, string headExtra) =>
        Frame(title, siteTitle, homeHref, main, headExtra, DefaultFooter);

    public const string DefaultFooter = "<footer>本页由政府信息公开发布系统生成</footer>";

    /// <summary>
    /// As above, with <paramref name="footer"/> (trusted markup: the site's 政府网站 footer). The page has a skip link
    /// to the main content and the landmarks header, main and footer; colours meet WCAG 2.1 AA contrast.
    /// </summary>
    public static string Frame(string title, string siteTitle, string homeHref, string main, string headExtra, string footer)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(title)).Append(" - ").Append(E(siteTitle)).Append("</title>\n")
          .Append("<style>body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;max-width:960px;margin:0 auto;padding:0 16px;color:#222}")
          .Append("header{border-bottom:3px solid #b8261c;padding:12px 0}header a{color:#b8261c;text-decoration:none;font-size:20px;font-weight:bold}")
          .Append(".meta{color:#666;font-size:14px}ul.list li{display:flex;justify-content:space-between;padding:4px 0;border-bottom:1px dashed #ddd}")
          .Append("footer{margin-top:32px;border-top:1px solid #ddd;color:#555;font-size:12px;padding:8px 0}footer p{margin:4px 0}"
              + "a.skip{position:absolute;left:-9999px}a.skip:focus{left:8px;top:8px;background:#fff;padding:4px;z-index:1}"
              + "@media print{header a{color:#000}}</style>\n")
          .Append(headExtra)
          .Append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">跳到主要内容</a>\n<header><a href=\"").Append(E(homeHref)).Append("\">").Append(E(siteTitle))
              .Append("</a></header>\n<main id=\"main\">\n")
          .Append(main)
          .Append("\n</main>\n").Append(footer).Append("\n</body>\n</html>\n");
        return sb.ToString();
    }
}
