using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Columns;

namespace Channels.IntegrationTests.Columns;

/// <summary>
/// Another district's year through the pipeline: its columns (from configuration) validate, publish, count and
/// report; an item cross-listed in two columns counts once as an item and once per column; the year is China time's.
/// </summary>
[Collection(DistrictCollection.Name)]
public class DistrictYearTests(DistrictHost host)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task DistrictYear_PublishesCountsAndReportsPerColumn_AtTheYearsEdges()
    {
        var crossListed = DistrictHost.Item("d-cross", new DateTimeOffset(2019, 6, 3, 10, 0, 0, China), "镇街动态", "公示公告");
        var firstMinute = DistrictHost.Item("d-first", new DateTimeOffset(2019, 1, 1, 0, 10, 0, China), "公示公告");
        var lastMinute = DistrictHost.Item("d-last", new DateTimeOffset(2019, 12, 31, 23, 50, 0, China), "规范性文件");
        var yearBefore = DistrictHost.Item("d-before", new DateTimeOffset(2018, 12, 31, 23, 50, 0, China), "公示公告");
        var yearAfter = DistrictHost.Item("d-after", new DateTimeOffset(2020, 1, 1, 0, 10, 0, China), "政策解读");
        var all = new[] { crossListed, firstMinute, lastMinute, yearBefore, yearAfter };
        foreach (var item in all)
        {
            using var response = await host.PostAsync(item);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }

        foreach (var item in all) Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());

        var stats = await host.StatisticsAsync(2019);
        var website = stats.GetProperty("website");
        Assert.Equal(3, website.GetProperty("items").GetInt32());
        Assert.Equal(4, website.GetProperty("columnPostings").GetInt32());
        var columns = website.GetProperty("columns").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["镇街动态"] = 1, ["公示公告"] = 2, ["规范性文件"] = 1 }, columns);
        var months = stats.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("websiteItems").GetInt32()).ToList();
        Assert.Equal([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], months);
        Assert.Equal(1, (await host.StatisticsAsync(2018)).GetProperty("website").GetProperty("items").GetInt32());
        Assert.Equal(1, (await host.StatisticsAsync(2020)).GetProperty("website").GetProperty("columns").GetProperty("政策解读").GetInt32());

        var markdown = await host.Api.GetStringAsync("/api/reports/2019?format=markdown");
        Assert.Contains("黔南州某某县2019年政府信息公开工作年度报告", markdown, StringComparison.Ordinal);
        Assert.Contains("共发布各类信息3条,其中镇街动态1条,公示公告2条,规范性文件1条。", markdown, StringComparison.Ordinal);
        var csv = await host.Api.GetStringAsync("/api/statistics/2019?format=csv");
        Assert.Contains("政府网站栏目,镇街动态,全年,1\r\n政府网站栏目,公示公告,全年,2\r\n政府网站栏目,规范性文件,全年,1\r\n", csv, StringComparison.Ordinal);

        // The pages: the district's navigation tree and footer, the item in both its columns, the default publisher and 索引号 prefix.
        var site = new SiteReader(host.Api);
        var home = await site.GetAsync("index.html");
        Assert.Contains("<a href=\"columns/zcwj/index.html\">政策文件</a><ul><li><a href=\"columns/gfxwj/index.html\">规范性文件</a></li>"
            + "<li><a href=\"columns/interpretations/index.html\">政策解读</a></li></ul>", home, StringComparison.Ordinal);
        Assert.Contains("主办单位：某某县人民政府办公室", home, StringComparison.Ordinal);
        Assert.Contains("黔ICP备12345678号", home, StringComparison.Ordinal);
        Assert.DoesNotContain("通知公告", home, StringComparison.Ordinal);
        var page = await site.GetAsync($"items/{crossListed.Id}.html");
        Assert.Contains("<a href=\"../columns/zjdt/index.html\">镇街动态</a> <a href=\"../columns/notices/index.html\">公示公告</a>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">发布机构</th><td>某某县人民政府办公室</td>", page, StringComparison.Ordinal);
        Assert.Contains($"522700000/2019-{crossListed.Id}", page, StringComparison.Ordinal);
        Assert.Contains("网站标识码：5227000001", page, StringComparison.Ordinal);
        var notices = await site.GetAsync("columns/notices/index.html");
        Assert.Equal([crossListed.Id, firstMinute.Id, yearBefore.Id], SiteReader.ItemIds(notices));
        Assert.Contains(crossListed.Id, await site.GetAsync("columns/zjdt/feed.xml"), StringComparison.Ordinal);
        Assert.Contains("columns/interpretations/index.html", await site.GetAsync("sitemaps/columns/interpretations.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DistrictCatalogue_FromConfiguration_RefusesOtherColumnsAndPut()
    {
        var catalogue = await host.Api.GetFromJsonAsync<JsonElement>("/api/columns");
        Assert.Equal("configuration", catalogue.GetProperty("managedBy").GetString());
        var names = catalogue.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(DistrictHost.Columns.Select(c => c.Name), names);
        // The built-in default's columns never had a page here: dropped, not kept as retired.
        Assert.Empty(catalogue.GetProperty("retired").EnumerateArray());
        var rule = catalogue.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "规范性文件");
        Assert.Equal(("policy", "zcwj", "gfxwj"), (rule.GetProperty("kind").GetString(), rule.GetProperty("parent").GetString(), rule.GetProperty("slug")
            .GetString()));

        using var refused = await host.PostAsync(DistrictHost.Item("d-seed", new DateTimeOffset(2019, 3, 1, 9, 0, 0, China), "通知公告"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("columns[0]")[0].GetString()!;
        Assert.Contains("未知栏目“通知公告”", message, StringComparison.Ordinal);
        Assert.Contains("镇街动态、公示公告、政策文件、规范性文件、政策解读、双随机一公开", message, StringComparison.Ordinal);

        using var put = await host.Api.PutAsJsonAsync("/api/columns", new { columns = new[] { new { name = "工作动态", kind = "news" } } });
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);

        var rules = await host.Api.GetFromJsonAsync<JsonElement>("/api/rules/2019");
        var watched = rules.GetProperty("freshness").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToHashSet();
        Assert.Contains("镇街动态", watched);
        Assert.Contains("规范性文件", watched);
        Assert.DoesNotContain("双随机一公开", watched);
        Assert.DoesNotContain("政务动态", watched);
    }

    [Fact]
    public void ConfigurationErrors_NameTheColumn()
    {
        var bad = ColumnCatalogEdit.Apply(ColumnSet.Default, [new ColumnInput { Name = "甲", Parent = "乙" }], "configuration", "configuration",
            DateTimeOffset.UnixEpoch);
        Assert.Contains("columns[0].parent", bad.Errors.Keys);
    }
}
