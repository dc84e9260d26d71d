using System.Xml.Linq;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;

namespace Channels.Tests.Website;

public class SiteRenderingTests
{
    static readonly WebsiteOptions Options = new() { BaseUrl = "https://site.example/gov", IndexPrefix = "430102000" };
    static readonly WebsiteColumn Column = ColumnCatalog.Find("通知公告")!;
    const string Hostile = "<b>\"通知\" & 'x'</b>";

    static PublicationItem Item() => SampleItems.Valid() with
    {
        Id = "t-0001", PublishAt = new DateTimeOffset(2016, 12, 31, 20, 0, 0, TimeSpan.Zero), // 2017-01-01 04:00 in UTC+8
    };

    [Fact]
    public void IndexNumber_Absent_DerivedFromPrefixAndChinaYear() =>
        Assert.Equal("430102000/2017-t-0001", CatalogueTable.IndexNumber(Item(), "430102000"));

    [Fact]
    public void IndexNumber_Given_IsUsed() =>
        Assert.Equal("000014349/2017-00123", CatalogueTable.IndexNumber(Item() with { IndexNumber = "000014349/2017-00123" }, "430102000"));

    [Fact]
    public void ItemPage_CatalogueTable_EncodedWithNoDocumentNumberAsWu()
    {
        var html = new SiteRenderer(Options).ItemPage(Item() with { Publisher = Hostile, DocumentNumber = null }, "<p>正文</p>", [Column]);
        Assert.Contains("<table class=\"catalogue\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发文字号</th><td>无</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发布日期</th><td>2017-01-01</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">索引号</th><td>430102000/2017-t-0001</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&quot;通知&quot; &amp; &#39;x&#39;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("成文日期", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemPage_FormedAt_ShowsChengWenRiQi()
    {
        var html = new SiteRenderer(Options).ItemPage(Item() with { FormedAt = new DateTimeOffset(2016, 12, 20, 9, 0, 0, TimeSpan.FromHours(8)) }, "",
            [Column]);
        Assert.Contains("<th scope=\"row\">成文日期</th><td>2016-12-20</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnPage_NewestFirstWithPagerAndFeedLinks()
    {
        var entries = new[] { new SiteListing("a", "旧", "2017-01-01", "20170101000000"), new SiteListing("b", "新", "2017-02-01", "20170201000000") };
        var html = new SiteRenderer(Options).ColumnPage(Column, 0, 2, entries);
        Assert.True(html.IndexOf("items/b.html", StringComparison.Ordinal) < html.IndexOf("items/a.html", StringComparison.Ordinal));
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"atom.xml\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"index_2.html\">下一页</a>", html, StringComparison.Ordinal);
        Assert.Contains("共3页", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Feeds_ParseEscapeAndUseAbsoluteUrls()
    {
        var latest = new[] { new SiteListing("t-1", Hostile, "2017-05-10", "20170510010000") };
        var feeds = new FeedRenderer(Options);
        var rss = XDocument.Parse(feeds.Rss(Column, latest));
        var item = rss.Root!.Element("channel")!.Element("item")!;
        Assert.Equal(Hostile, item.Element("title")!.Value);
        Assert.Equal("https://site.example/gov/items/t-1.html", item.Element("link")!.Value);
        Assert.Equal("Wed, 10 May 2017 09:00:00 +0800", item.Element("pubDate")!.Value);

        XNamespace a = "http://www.w3.org/2005/Atom";
        var atom = XDocument.Parse(feeds.Atom(Column, latest));
        var entry = atom.Root!.Element(a + "entry")!;
        Assert.Equal(Hostile, entry.Element(a + "title")!.Value);
        Assert.Equal("https://site.example/gov/items/t-1.html", entry.Element(a + "link")!.Attribute("href")!.Value);
        Assert.Equal("2017-05-10T09:00:00+08:00", entry.Element(a + "updated")!.Value);
        Assert.Equal("https://site.example/gov/columns/tzgg/atom.xml",
            atom.Root.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public void Sitemap_UrlSetAndIndex_Parse()
    {
        XNamespace s = SitemapXml.Ns;
        var set = XDocument.Parse(SitemapXml.UrlSet([new SitemapUrl("https://x/a?b&c", new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero))]));
        Assert.Equal("https://x/a?b&c", set.Root!.Element(s + "url")!.Element(s + "loc")!.Value);
        Assert.Equal("2017-01-01T08:00:00+08:00", set.Root.Element(s + "url")!.Element(s + "lastmod")!.Value);
        var index = XDocument.Parse(SitemapXml.Index(["https://x/sitemaps/2017-01.xml"]));
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
    }
}
