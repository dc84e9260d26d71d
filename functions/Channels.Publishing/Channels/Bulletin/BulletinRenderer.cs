using System.Text;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>Printable notices for the bulletin boards (信息公告栏) and the daily issue that lists them.</summary>
public sealed class BulletinRenderer(string officeTitle)
{
    public static string ItemPath(string date, string id) => $"{date}/{id}.html";

    public static string IssuePath(string date) => $"{date}/index.html";

    public string Notice(PublicationItem item, string sanitizedBody)
    {
        var boards = string.Join("、", item.Bulletin!.Boards.Select(E));
        var main = new StringBuilder()
            .Append("<article class=\"notice\">\n<h1 style=\"text-align:center\">").Append(E(item.Title)).Append("</h1>\n")
            .Append(item.DocumentNumber is null ? "" : $"<p style=\"text-align:center\">{E(item.DocumentNumber)}</p>\n")
            .Append("<div class=\"body\">").Append(sanitizedBody).Append("</div>\n")
            .Append("<p style=\"text-align:right\">").Append(E(item.Publisher)).Append("<br>")
            .Append(E(ChinaTime.Date(item.PublishAt!.Value))).Append("</p>\n")
            .Append("<p class=\"meta\">张贴位置：").Append(boards).Append("</p>\n</article>");
        return Frame(item.Title, officeTitle, "index.html", main.ToString());
    }

    public string Issue(string date, IReadOnlyList<SiteListing> notices)
    {
        var sb = new StringBuilder($"<h1>公告栏张贴清单（{E(date)}）</h1>\n<ol>\n");
        foreach (var n in notices)
        {
            sb.Append("<li><a href=\"").Append(E(n.ItemId)).Append(".html\">").Append(E(n.Title)).Append("</a></li>\n");
        }

        return Frame($"公告栏张贴清单 {date}", officeTitle, "index.html", sb.Append("</ol>").ToString());
    }
}
