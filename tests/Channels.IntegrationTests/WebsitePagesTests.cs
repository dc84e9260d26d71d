using System.Net;
using System.Net.Http.Json;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests;

/// <summary>The website channel's pages: the 信息索引表 of an item page and the paged column archive.</summary>
[Collection(ChannelsCollection.Name)]
public class WebsitePagesTests(ChannelsHost host)
{
    SiteReader Site => new(host.Api);

    [Fact]
    public async Task ItemPage_CatalogueTable_DerivedAndExplicitIndexNumber()
    {
        var derived = Items.Approved("idx") with { Channels = ["website"], DocumentNumber = null };
        var explicitNo = Items.Approved("idx") with { Channels = ["website"], IndexNumber = "000014349/2017-00077", DocumentNumber = "芙政发〔2017〕3号" };
        await host.PostAsync(derived);
        await host.PostAsync(explicitNo);
        Assert.Equal("delivered", (await host.WaitFinalAsync(derived.Id)).GetProperty("status").GetString());
        Assert.Equal("delivered", (await host.WaitFinalAsync(explicitNo.Id)).GetProperty("status").GetString());

        using var response = await host.Api.GetAsync($"/site/items/{derived.Id}.html");
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<table class=\"catalogue\">", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">索引号</th><td>430102000/2017-{derived.Id}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发文字号</th><td>无</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发布机构</th><td>芙蓉区防汛抗旱指挥部办公室</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发布日期</th><td>2017-05-10</td>", html, StringComparison.Ordinal);

        var other = await Site.GetAsync($"items/{explicitNo.Id}.html");
        Assert.Contains("<th scope=\"row\">索引号</th><td>000014349/2017-00077</td>", other, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发文字号</th><td>芙政发〔2017〕3号</td>", other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>1</b>")]
    [InlineData("0123456789012345678901234567890123456789012345678901")]
    [InlineData("a\u0000b")]
    public async Task Publish_BadIndexNumber_Is422NamingTheField(string index)
    {
        var response = await host.PostAsync(Items.Approved("badidx") with { IndexNumber = index });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"indexNumber\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// More than one page's worth of items (the host's ListLength is 50) into one column: the column has index.html and
    /// sealed pages, linked by the pager; every item is on exactly one page; every page lists newest first. Then an
    /// item on a sealed page is retracted and leaves that page (and no other page changes its items).
    /// </summary>
    [Fact]
    public async Task Column_MoreThanAPage_PagedNewestFirst_RetractLeavesItsSealedPage()
    {
        const string slug = "wjhsfxx";
        var start = new DateTimeOffset(2015, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var items = Enumerable.Range(0, 53).Select(i => Items.Approved("page", start.AddHours(i)) with { Channels = ["website"], Columns = ["物价和收费信息"] })
            .ToList();
        foreach (var chunk in items.Chunk(10)) await Task.WhenAll(chunk.Select(host.PostAsync));
        foreach (var item in items) Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());

        var pages = await Site.ColumnPagesAsync(slug);
        Assert.Contains("index_1.html", pages.Keys);
        Assert.Contains("上一页", pages["index_1.html"], StringComparison.Ordinal);
        Assert.Contains("下一页", pages["index.html"], StringComparison.Ordinal);
        var mine = items.Select(i => i.Id).ToHashSet();
        var placed = pages.SelectMany(p => SiteReader.ItemIds(p.Value).Where(mine.Contains).Select(id => (Page: p.Key, Id: id))).ToList();
        Assert.Equal(items.Count, placed.Count);
        Assert.Equal(items.Count, placed.Select(p => p.Id).Distinct().Count());
        var order = items.Select((item, i) => (item.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var (file, html) in pages)
        {
            var onPage = SiteReader.ItemIds(html).Where(mine.Contains).Select(id => order[id]).ToList();
            Assert.True(onPage.SequenceEqual(onPage.OrderDescending()), $"{file} is not newest first");
        }

        var (sealedPage, victim) = placed.First(p => p.Page != "index.html");
        var othersBefore = SiteReader.ItemIds(pages[sealedPage]).Where(id => id != victim).ToList();
        using var retract = await host.Api.PostAsJsonAsync($"/api/publications/{victim}/retract", new { reason = "收费标准已调整" });
        Assert.Equal(HttpStatusCode.Accepted, retract.StatusCode);
        Assert.Equal("retracted", (await host.WaitStatusAsync(victim, "retracted")).GetProperty("status").GetString());

        var after = await Site.ColumnPagesAsync(slug);
        Assert.All(after.Values, html => Assert.DoesNotContain($"items/{victim}.html", html, StringComparison.Ordinal));
        Assert.Equal(othersBefore, SiteReader.ItemIds(after[sealedPage]));
    }
}
