using System.Globalization;
using System.Text;
using Channels.Publishing.Items;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// The 信息索引表 at the top of an item page, as government disclosure sites print it: 索引号, 发文字号, 发布机构,
/// 发布日期 (UTC+8), 主题分类, and 成文日期 when known. Every value is HTML-encoded.
/// </summary>
public static class CatalogueTable
{
    /// <summary>The item's 索引号: the editor's, or "{prefix}/{yyyy}-{id}" with yyyy the UTC+8 year of publishAt.</summary>
    public static string IndexNumber(PublicationItem item, string prefix) =>
        item.IndexNumber ?? $"{prefix}/{ChinaTime.YearOf(item.PublishAt!.Value).ToString(CultureInfo.InvariantCulture)}-{item.Id}";

    /// <summary>The table; <paramref name="columnLinks"/> is already-encoded markup (links to the item's column pages).</summary>
    public static string Html(PublicationItem item, string prefix, string columnLinks)
    {
        var sb = new StringBuilder("<table class=\"catalogue\">\n<caption>信息索引</caption>\n<tbody>\n");
        Row(sb, "索引号", E(IndexNumber(item, prefix)));
        Row(sb, "发文字号", E(string.IsNullOrWhiteSpace(item.DocumentNumber) ? "无" : item.DocumentNumber));
        Row(sb, "发布机构", E(item.Publisher));
        Row(sb, "发布日期", E(ChinaTime.Date(item.PublishAt!.Value)));
        Row(sb, "主题分类", columnLinks);
        if (item.FormedAt is { } formed) Row(sb, "成文日期", E(ChinaTime.Date(formed)));
        return sb.Append("</tbody>\n</table>").ToString();
    }

    static void Row(StringBuilder sb, string label, string valueHtml) =>
        sb.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");

    /// <summary>Styles of the table and of the column pager, for the pages that use them.</summary>
    public const string Style = "<style>table.catalogue{border-collapse:collapse;width:100%;margin:12px 0;font-size:14px}"
        + "table.catalogue caption{text-align:left;font-weight:bold;padding:4px 0}"
        + "table.catalogue th,table.catalogue td{border:1px solid #ccc;padding:4px 8px;text-align:left}"
        + "table.catalogue th{background:#f5f5f5;width:7em;white-space:nowrap}"
        + "nav.pager{margin:16px 0;font-size:14px}nav.pager a,nav.pager strong{margin-right:8px}</style>\n";
}
