using System.Globalization;
using System.Text;
using Channels.Publishing.Proof;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Attachments;

/// <summary>
/// How each place shows an item's attachments (pure functions, so a preview shows exactly what is sent): the website
/// page's download list, the printed bulletin notice's list with each file's address, the WeChat article's line pointing
/// to the website page, and the proof's table of names and SHA-256. Empty when the item has none.
/// </summary>
public static class AttachmentHtml
{
    /// <summary>The item page's 附件 list; links are relative to items/{id}.html.</summary>
    public static string Website(IReadOnlyList<PublicAttachment> files)
    {
        if (files.Count == 0) return "";
        var sb = new StringBuilder("\n<section class=\"attachments\" aria-labelledby=\"attachments-h\">\n<h2 id=\"attachments-h\">附件</h2>\n<ol>\n");
        foreach (var f in files)
        {
            sb.Append("<li><a href=\"../").Append(E(f.Href)).Append("\" download=\"").Append(E(f.Name)).Append("\" data-sha256=\"").Append(f.Info.Sha256)
              .Append("\">").Append(E(f.Name)).Append("</a> <span class=\"meta\">（").Append(E(f.KindChinese)).Append('，')
              .Append(E(PublicAttachment.Size(f.Info.Size))).Append("）</span></li>\n");
        }

        return sb.Append("</ol>\n</section>").ToString();
    }

    /// <summary>The printed notice's 附件 list: a board cannot carry a file, so each line gives the address to download it.</summary>
    public static string Bulletin(IReadOnlyList<PublicAttachment> files)
    {
        if (files.Count == 0) return "";
        var sb = new StringBuilder("\n<div class=\"attachments\">\n<p>附件：</p>\n<ol>\n");
        foreach (var f in files)
        {
            sb.Append("<li>").Append(E(f.Name)).Append("（").Append(E(PublicAttachment.Size(f.Info.Size))).Append("）<br><span class=\"url\">下载地址：")
              .Append(E(f.Url)).Append("</span></li>\n");
        }

        return sb.Append("</ol>\n</div>").ToString();
    }

    /// <summary>
    /// The WeChat article's line: an article cannot carry files, and links to other sites in its body are not clickable, so
    /// the line names the files and sends the reader to the website page through “阅读原文” (content_source_url, which is
    /// that page: https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Add_draft.html), also giving its address.
    /// </summary>
    public static string WeChat(IReadOnlyList<PublicAttachment> files, string pageUrl)
    {
        if (files.Count == 0) return "";
        var names = string.Join("、", files.Select(f => $"《{f.Name}》"));
        return $"\n<p>附件（共{files.Count.ToString(CultureInfo.InvariantCulture)}个）：{E(names)}。微信文章无法附带文件，请点击文末“阅读原文”，"
            + $"在政府网站本信息页面下载：{E(pageUrl)}</p>";
    }

    /// <summary>The proof's 附件 table: the name published, size, SHA-256 and site path of each file.</summary>
    public static string Proof(IReadOnlyList<AttachmentProof>? files)
    {
        if (files is not { Count: > 0 }) return "";
        var sb = new StringBuilder("<h2>附件</h2>\n<table>\n<tr><th>附件名称</th><th>大小（字节）</th><th>摘要值（SHA-256）</th><th>网站路径</th></tr>\n");
        foreach (var f in files)
        {
            sb.Append("<tr><td>").Append(E(f.Name)).Append("</td><td>").Append(f.Size.ToString(CultureInfo.InvariantCulture))
              .Append("</td><td><code>").Append(E(f.Sha256)).Append("</code></td><td><code>").Append(E(f.Path)).Append("</code></td></tr>\n");
        }

        return sb.Append("</table>").ToString();
    }
}
