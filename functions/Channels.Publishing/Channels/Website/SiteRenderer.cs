using System.Globalization;
using System.Text;
using Channels.Publishing.Columns;
using Channels.Publishing.Items;
using Channels.Publishing.Office;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// Renders the item page (with its 信息索引表), the column pages (paged, see <see cref="ColumnPaging"/>) and the home page
/// (with the column catalogue's navigation), each with the office's 政府网站 footer (<see cref="SiteFooter"/>).
/// </summary>
public sealed class SiteRenderer(WebsiteOptions options, OfficeOptions? office = null)
{
    readonly string footer = office is null ? DefaultFooter : SiteFooter.Html(office);

    public static string ItemPath(string id) => $"items/{id}.html";

    public static string ColumnPath(WebsiteColumn c) => ColumnPagePath(c, 0);

    /// <summary>Page 0 is the open (newest) page index.html; sealed page b is index_b.html, numbered from the oldest.</summary>
    public static string ColumnPagePath(WebsiteColumn c, int number) => $"columns/{c.Slug}/{ColumnPaging.FileName(number)}";

    public static string RssPath(WebsiteColumn c) => $"columns/{c.Slug}/feed.xml";

    public static string AtomPath(WebsiteColumn c) => $"columns/{c.Slug}/atom.xml";

    public string Url(string path) => $"{options.BaseUrl.TrimEnd('/')}/{path}";

    /// <summary>The item page; <paramref name="columns"/> are the item's columns as the catalogue resolved them.</summary>
    public string ItemPage(PublicationItem item, string sanitizedBody, IReadOnlyList<WebsiteColumn> columns)
    {
        var links = string.Join(" ", columns.Select(c => $"<a href=\"../{ColumnPath(c)}\">{E(c.Name)}</a>"));
        var main = new StringBuilder()
            .Append("<article>\n<h1>").Append(E(item.Title)).Append("</h1>\n")
            .Append(CatalogueTable.Html(item, options.IndexPrefix, links)).Append('\n')
            .Append(item.IsEmergency ? "<p class=\"meta\"><strong>【突发事件】</strong></p>\n" : "")
            .Append("<div class=\"body\">").Append(sanitizedBody).Append("</div>\n</article>");
        return Frame(item.Title, options.SiteTitle, "../index.html", main.ToString(), CatalogueTable.Style, footer);
    }

    /// <summary>Column page <paramref name="number"/> (0 = index.html) when <paramref name="sealedCount"/> pages are sealed.</summary>
    public string ColumnPage(WebsiteColumn column, int number, int sealedCount, IReadOnlyList<SiteListing> entries)
    {
        var title = number == 0 ? column.Name : $"{column.Name}（第{number.ToString(CultureInfo.InvariantCulture)}页）";
        var head = $"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{E(column.Name)} RSS\" href=\"feed.xml\">\n"
            + $"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{E(column.Name)} Atom\" href=\"atom.xml\">\n" + CatalogueTable.Style;
        var main = $"<h1>{E(title)}</h1>\n{List([.. ColumnPaging.NewestFirst(entries)], "../../")}\n{Pager(number, sealedCount)}";
        return Frame(title, options.SiteTitle, "../../index.html", main, head, footer);
    }

    /// <summary>The home page: the navigation of <paramref name="columns"/> (the active catalogue, in tree order) and the latest items.</summary>
    public string HomePage(IReadOnlyList<SiteListing> latest, IReadOnlyList<CatalogueColumn> columns)
    {
        var main = $"{Navigation(columns)}\n<h1>最新公开信息</h1>\n{List(latest, "")}";
        return Frame("首页", options.SiteTitle, "index.html", main, NavStyle, footer);
    }

    const string NavStyle = "<style>nav.columns ul{list-style:none;padding:0;margin:4px 0}nav.columns>ul>li{margin:4px 0}"
        + "nav.columns li ul{display:inline;margin-left:8px}nav.columns li li{display:inline;margin-right:8px}</style>\n";

    /// <summary>The column tree as nested lists: top-level columns, each with its children.</summary>
    static string Navigation(IReadOnlyList<CatalogueColumn> columns)
    {
        var slugs = columns.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var children = columns.ToLookup(c => c.Parent is { } p && slugs.Contains(p) ? p : "");
        var sb = new StringBuilder("<nav class=\"columns meta\" aria-label=\"栏目导航\">");
        void Level(string parent)
        {
            sb.Append("<ul>");
            foreach (var c in children[parent])
            {
                sb.Append("<li><a href=\"").Append(E(ColumnPath(c.Website))).Append("\">").Append(E(c.Name)).Append("</a>");
                if (children[c.Slug].Any()) Level(c.Slug);
                sb.Append("</li>");
            }

            sb.Append("</ul>");
        }

        Level("");
        return sb.Append("</nav>").ToString();
    }

    static string Pager(int number, int sealedCount)
    {
        var links = ColumnPaging.Pager(number, sealedCount);
        if (links.Count == 0) return "";
        var sb = new StringBuilder("<nav class=\"pager\" aria-label=\"分页\">");
        foreach (var l in links)
        {
            sb.Append(l.Href is null ? $"<strong aria-current=\"page\">{E(l.Label)}</strong>" : $"<a href=\"{E(l.Href)}\">{E(l.Label)}</a>");
        }

        // Only the open page states the total: a sealed page is not rewritten when later pages are added.
        var total = number == 0 ? $"共{(sealedCount + 1).ToString(CultureInfo.InvariantCulture)}页，" : "";
        return sb.Append($"<span class=\"meta\">{total}页码按发布先后编号</span></nav>").ToString();
    }

    static string List(IReadOnlyList<SiteListing> listings, string prefix)
    {
        if (listings.Count == 0) return "<p class=\"meta\">暂无信息</p>";
        var sb = new StringBuilder("<ul class=\"list\">\n");
        foreach (var l in listings)
        {
            sb.Append("<li><a href=\"").Append(prefix).Append(E(ItemPath(l.ItemId))).Append("\">").Append(E(l.Title))
              .Append("</a><span class=\"meta\">").Append(E(l.Date)).Append("</span></li>\n");
        }

        return sb.Append("</ul>").ToString();
    }
}

/// <summary>One line of a listing page; SortKey orders newest first (publishAt as sortable UTC, then id).</summary>
public sealed record SiteListing(string ItemId, string Title, string Date, string SortKey = "");
