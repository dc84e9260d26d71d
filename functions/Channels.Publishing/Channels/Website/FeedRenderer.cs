using System.Globalization;
using System.Text;
using System.Xml;
using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// A column's feeds: RSS 2.0 (feed.xml) and Atom 1.0 (atom.xml) of its newest items, with absolute URLs, written with
/// <see cref="XmlWriter"/> so every title is escaped; characters XML cannot carry (stored before <see cref="TextRules"/>
/// refused them) are left out, so no stored title can stop a column's feeds. Dates come from the entries' publishAt (UTC+8), so the same
/// entries always give the same bytes.
/// </summary>
public sealed class FeedRenderer(WebsiteOptions options)
{
    const string AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>The instant in an entry's SortKey (publishAt as yyyyMMddHHmmss UTC), shown in UTC+8; 2000-01-01 when absent.</summary>
    public static DateTimeOffset When(SiteListing entry) =>
        DateTime.TryParseExact(entry.SortKey, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var utc)
            ? ChinaTime.ToChina(new DateTimeOffset(utc, TimeSpan.Zero))
            : new DateTimeOffset(2000, 1, 1, 0, 0, 0, ChinaTime.Offset);

    /// <summary>W3C/RFC 3339 datetime in UTC+8 (Atom, sitemaps).</summary>
    public static string W3c(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    static string Rfc822(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("ddd, dd MMM yyyy HH:mm:ss '+0800'", CultureInfo.InvariantCulture);

    static DateTimeOffset Updated(IReadOnlyList<SiteListing> latest) =>
        latest.Count == 0 ? When(new SiteListing("", "", "")) : latest.Max(When);

    public string Rss(WebsiteColumn column, IReadOnlyList<SiteListing> latest)
    {
        var site = new SiteRenderer(options);
        return Write(w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, AtomNs);
            w.WriteStartElement("channel");
            w.WriteElementString("title", $"{column.Name} - {options.SiteTitle}");
            w.WriteElementString("link", site.Url(SiteRenderer.ColumnPath(column)));
            w.WriteElementString("description", $"{options.SiteTitle}“{column.Name}”栏目最新公开信息");
            w.WriteElementString("language", "zh-CN");
            w.WriteElementString("lastBuildDate", Rfc822(Updated(latest)));
            w.WriteStartElement("link", AtomNs);
            w.WriteAttributeString("href", site.Url(SiteRenderer.RssPath(column)));
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var e in latest)
            {
                var url = site.Url(SiteRenderer.ItemPath(e.ItemId));
                w.WriteStartElement("item");
                w.WriteElementString("title", TextRules.Scrub(e.Title));
                w.WriteElementString("link", url);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(url);
                w.WriteEndElement();
                w.WriteElementString("pubDate", Rfc822(When(e)));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    public string Atom(WebsiteColumn column, IReadOnlyList<SiteListing> latest)
    {
        var site = new SiteRenderer(options);
        return Write(w =>
        {
            w.WriteStartElement("feed", AtomNs);
            w.WriteElementString("id", AtomNs, site.Url(SiteRenderer.ColumnPath(column)));
            w.WriteElementString("title", AtomNs, $"{column.Name} - {options.SiteTitle}");
            w.WriteElementString("updated", AtomNs, W3c(Updated(latest)));
            Link(w, "self", "application/atom+xml", site.Url(SiteRenderer.AtomPath(column)));
            Link(w, "alternate", "text/html", site.Url(SiteRenderer.ColumnPath(column)));
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, options.SiteTitle);
            w.WriteEndElement();
            foreach (var e in latest)
            {
                var url = site.Url(SiteRenderer.ItemPath(e.ItemId));
                w.WriteStartElement("entry", AtomNs);
                w.WriteElementString("id", AtomNs, url);
                w.WriteElementString("title", AtomNs, TextRules.Scrub(e.Title));
                Link(w, "alternate", "text/html", url);
                w.WriteElementString("published", AtomNs, W3c(When(e)));
                w.WriteElementString("updated", AtomNs, W3c(When(e)));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>UTF-8 XML with a declaration, indented, as a string.</summary>
    public static string Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
