using System.Text;
using Channels.Publishing.Items;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Website;

/// <summary>Renders the item page, the column pages and the home page of the static site.</summary>
public sealed class SiteRenderer(WebsiteOptions options)
{
    public static string ItemPath(string id) => $"items/{id}.html";

    public static string ColumnPath(WebsiteColumn c) => $"columns/{c.Slug}/index.html";

    public string Url(string path) => $"{options.BaseUrl.TrimEnd('/')}/{path}";

    public string ItemPage(PublicationItem item, string sanitizedBody)
    {
        var columns = string.Join(" ", item.Columns.Select(ColumnCatalog.Find).OfType<WebsiteColumn>()
            .Select(c => $"<a href=\"../{ColumnPath(c)}\">{E(c.Name)}</a>"));
        var main = new StringBuilder()
            .Append("<article>\n<h1>").Append(E(item.Title)).Append("</h1>\n<p class=\"meta\">发布机构：").Append(E(item.Publisher))
            .Append(item.DocumentNumber is null ? "" : "　文号：" + E(item.DocumentNumber))
            .Append("　发布日期：").Append(E(ChinaTime.Format(item.PublishAt!.Value)))
            .Append("　栏目：").Append(columns).Append("</p>\n")
            .Append(item.IsEmergency ? "<p class=\"meta\"><strong>【突发事件】</strong></p>\n" : "")
            .Append("<div class=\"body\">").Append(sanitizedBody).Append("</div>\n</article>");
        return Frame(item.Title, options.SiteTitle, "../index.html", main.ToString());
    }

    public string ColumnPage(WebsiteColumn column, IReadOnlyList<SiteListing> listings)
    {
        var main = $"<h1>{E(column.Name)}</h1>\n{List(listings, "../../")}";
        return Frame(column.Name, options.SiteTitle, "../../index.html", main);
    }

    public string HomePage(IReadOnlyList<SiteListing> latest)
    {
        var nav = string.Join(" | ", ColumnCatalog.All.Select(c => $"<a href=\"{ColumnPath(c)}\">{E(c.Name)}</a>"));
        var main = $"<nav class=\"meta\">{nav}</nav>\n<h1>最新公开信息</h1>\n{List(latest, "")}";
        return Frame("首页", options.SiteTitle, "index.html", main);
    }

    static string List(IReadOnlyList<SiteListing> listings, string prefix)
    {
        if (listings.Count == 0) return "<p class=\"meta\">暂无信息</p>";
        var sb = new StringBuilder("<ul class=\"list\">\n");
        foreach (var l in listings)
        {
            sb.Append("<li><a href=\"").Append(prefix).Append(ItemPath(l.ItemId)).Append("\">").Append(E(l.Title))
              .Append("</a><span class=\"meta\">").Append(E(l.Date)).Append("</span></li>\n");
        }

        return sb.Append("</ul>").ToString();
    }
}

/// <summary>One line of a listing page; SortKey orders newest first (publishAt as sortable UTC, then id).</summary>
public sealed record SiteListing(string ItemId, string Title, string Date, string SortKey = "");
