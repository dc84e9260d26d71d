using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Channels.Publishing.Channels;
using Channels.Publishing.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests;

/// <summary>The indexes the website keeps besides pages: per-column RSS/Atom, the sitemap; retries and retraction.</summary>
[Collection(ChannelsCollection.Name)]
public class WebsiteIndexesTests(ChannelsHost host)
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    SiteReader Site => new(host.Api);

    async Task<(string Type, string Body)> FetchAsync(string path)
    {
        using var response = await host.Api.GetAsync("/site/" + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
    }

    async Task<List<string>> SitemapLocsAsync()
    {
        var (type, index) = await FetchAsync("sitemap.xml");
        Assert.Equal("application/xml; charset=utf-8", type);
        var locs = new List<string>();
        foreach (var shard in XDocument.Parse(index).Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value))
        {
            var (shardType, xml) = await FetchAsync(SiteReader.PathOf(shard));
            Assert.Equal("application/xml; charset=utf-8", shardType);
            var urls = XDocument.Parse(xml).Root!.Elements(Sm + "url").ToList();
            Assert.All(urls, u => Assert.False(string.IsNullOrEmpty(u.Element(Sm + "lastmod")?.Value)));
            locs.AddRange(urls.Select(u => u.Element(Sm + "loc")!.Value));
        }

        return locs;
    }

    [Fact]
    public async Task FeedsAndSitemap_ListTheItem_ThenRetract_ItLeavesEveryIndex()
    {
        var item = Items.Approved("feed", new DateTimeOffset(2017, 12, 30, 10, 0, 0, TimeSpan.FromHours(8))) with { Channels = ["website"],
            Columns = ["教育医疗信息"] };
        item = item with { Title = $"关于<学校>收费 & \"公示\"的通知 {item.Id}" };
        await host.PostAsync(item);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        var itemUrl = $"{SiteReader.BaseUrl}items/{item.Id}.html";

        var column = await Site.GetAsync("columns/jyylxx/index.html");
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", column, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", column, StringComparison.Ordinal);
        Assert.Contains("关于&lt;学校&gt;收费 &amp; &quot;公示&quot;", column, StringComparison.Ordinal);

        var (rssType, rssXml) = await FetchAsync("columns/jyylxx/feed.xml");
        Assert.Equal("application/rss+xml; charset=utf-8", rssType);
        var rssItem = XDocument.Parse(rssXml).Root!.Element("channel")!.Elements("item").Single(i => i.Element("link")!.Value == itemUrl);
        Assert.Equal(item.Title, rssItem.Element("title")!.Value);
        var (atomType, atomXml) = await FetchAsync("columns/jyylxx/atom.xml");
        Assert.Equal("application/atom+xml; charset=utf-8", atomType);
        var atom = XDocument.Parse(atomXml).Root!;
        Assert.Equal(item.Title, atom.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == itemUrl).Element(Atom + "title")!.Value);
        Assert.All(atom.Descendants(Atom + "link"), l => Assert.StartsWith("http://", l.Attribute("href")!.Value, StringComparison.Ordinal));

        var locs = await SitemapLocsAsync();
        Assert.Contains(SiteReader.BaseUrl + "index.html", locs);
        Assert.Contains(SiteReader.BaseUrl + "columns/jyylxx/index.html", locs);
        Assert.Contains(itemUrl, locs);
        Assert.Equal(locs.Count, locs.Distinct().Count());

        using var retract = await host.Api.PostAsJsonAsync($"/api/publications/{item.Id}/retract", new { reason = "收费标准有误" });
        Assert.Equal(HttpStatusCode.Accepted, retract.StatusCode);
        var view = await host.WaitStatusAsync(item.Id, "retracted");
        Assert.Equal("retracted", view.GetProperty("status").GetString());

        using (var page = await host.Api.GetAsync($"/site/items/{item.Id}.html")) Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        foreach (var html in (await Site.ColumnPagesAsync("jyylxx")).Values) Assert.DoesNotContain(item.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain(item.Id, await Site.GetAsync("index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain(item.Id, (await FetchAsync("columns/jyylxx/feed.xml")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(item.Id, (await FetchAsync("columns/jyylxx/atom.xml")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(itemUrl, await SitemapLocsAsync());
        var note = view.GetProperty("history").EnumerateArray()
            .Single(e => e.TryGetProperty("channel", out var c) && c.GetString() == "website" && e.GetProperty("state").GetString() == "retracted")
                .GetProperty("note").GetString();
        Assert.Contains("网站地图", note, StringComparison.Ordinal);
        Assert.Contains("教育医疗信息", note, StringComparison.Ordinal);
    }

    /// <summary>
    /// The website publisher called again for the same item (an activity retry) writes the same bytes and lists the item
    /// once — also when, between the two calls, enough items arrived to seal the item's bucket onto an older page.
    /// </summary>
    [Fact]
    public async Task SendTwice_SameBlobs_NoDuplicateEntries_EvenAfterItsPageWasSealed()
    {
        var publisher = host.Services.GetServices<IChannelPublisher>().Single(p => p.Channel == "website");
        var start = new DateTimeOffset(2014, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
        Task<ChannelStep> Send(Channels.Publishing.Items.PublicationItem item) =>
            publisher.SendAsync(new DeliveryJob(item, new DeliveryEntry { PartitionKey = item.Id, RowKey = "website" }, _ => Task.CompletedTask),
                CancellationToken.None);
        var item = Items.Approved("twice", start) with { Channels = ["website"], Columns = ["征地拆迁信息"] };
        string[] paths = [$"items/{item.Id}.html", "columns/zdcqxx/index.html", "columns/zdcqxx/feed.xml", "columns/zdcqxx/atom.xml",
            "sitemaps/2014-06.xml", "sitemaps/columns/zdcqxx.xml", "sitemaps/home.xml", "index.html", "sitemap.xml"];
        var web = new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("$web");
        async Task<List<string>> Snapshot() => [.. await Task.WhenAll(paths.Select(async p =>
        {
            var blob = (await web.GetBlobClient(p).DownloadContentAsync()).Value;
            return $"{p}\n{blob.Details.ContentType}\n{blob.Content}";
        }))];

        Assert.Equal("delivered", (await Send(item)).State);
        var first = await Snapshot();
        Assert.Equal("delivered", (await Send(item)).State);
        Assert.Equal(first, await Snapshot());
        Assert.Contains(first, s => s.StartsWith("columns/zdcqxx/feed.xml\napplication/rss+xml; charset=utf-8\n", StringComparison.Ordinal));

        var later = Enumerable.Range(1, 50).Select(i => Items.Approved("twice", start.AddHours(i)) with { Channels = ["website"], Columns = ["征地拆迁信息"] })
            .ToList();
        await Task.WhenAll(later.Select(Send));
        var sealedPages = (await Site.ColumnPagesAsync("zdcqxx")).Where(p => p.Key != "index.html").ToList();
        Assert.Contains(sealedPages, p => p.Value.Contains(item.Id, StringComparison.Ordinal));

        Assert.Equal("delivered", (await Send(item)).State);
        var all = (await Site.ColumnPagesAsync("zdcqxx")).Values.SelectMany(SiteReader.ItemIds).ToList();
        Assert.Single(all, id => id == item.Id);
        Assert.All(later, l => Assert.Single(all, id => id == l.Id));
        Assert.Single(XDocument.Parse((await FetchAsync("sitemaps/2014-06.xml")).Body).Root!.Elements(Sm + "url"),
            u => u.Element(Sm + "loc")!.Value.EndsWith($"/items/{item.Id}.html", StringComparison.Ordinal));
    }
}
