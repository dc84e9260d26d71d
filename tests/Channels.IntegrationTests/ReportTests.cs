using System.IO.Compression;
using System.Text.Json;
using Channels.Publishing.Items;
using Channels.Publishing.Seeds;

namespace Channels.IntegrationTests;

/// <summary>
/// A 1% scale year (dated 2009, a year no other test uses) through the whole pipeline: the statistics, the
/// exports and the report must show exactly what the dataset holds.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class ReportTests(ChannelsHost host)
{
    const int Year = 2009;

    [Fact]
    public async Task ScaledYear_ThroughThePipeline_StatisticsExportsAndReportMatchTheDataset()
    {
        var items = YearDatasetGenerator.Generate(seed: 7, scale: 0.01, year: Year);
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) => await host.PostAsync(item));
        foreach (var item in items) Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        // A re-submission of the whole year changes nothing.
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) => await host.PostAsync(item));

        var stats = await host.StatisticsAsync(Year);
        var website = stats.GetProperty("website");
        Assert.Equal(items.Count, website.GetProperty("items").GetInt32());
        var expectedColumns = items.SelectMany(i => i.Columns).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedColumns.Count, website.GetProperty("columns").EnumerateObject().Count());
        foreach (var (column, n) in expectedColumns) Assert.Equal(n, website.GetProperty("columns").GetProperty(column).GetInt32());
        Assert.Equal(items.Count(i => i.Channels.Contains(ChannelNames.Weibo)), stats.GetProperty("weibo").GetProperty("posts").GetInt32());
        Assert.Equal(items.Count(i => i.Channels.Contains(ChannelNames.WeChat)), stats.GetProperty("wechat").GetProperty("articles").GetInt32());
        Assert.Equal(items.Count(i => i.Channels.Contains(ChannelNames.Bulletin)), stats.GetProperty("bulletin").GetProperty("items").GetInt32());
        var months = stats.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(items.Count, months.Sum(m => m.GetProperty("websiteItems").GetInt32()));
        for (var m = 1; m <= 12; m++)
            Assert.Equal(items.Count(i => ChinaTime.ToChina(i.PublishAt!.Value).Month == m), months[m - 1].GetProperty("websiteItems").GetInt32());

        var markdown = await host.Api.GetStringAsync($"/api/reports/{Year}?format=markdown");
        Assert.Contains($"{Year}年,我区政府门户网站共发布各类信息{items.Count}条,其中", markdown, StringComparison.Ordinal);
        Assert.Contains($"微博发布信息数量{stats.GetProperty("weibo").GetProperty("posts").GetInt32()}篇", markdown, StringComparison.Ordinal);
        var html = await host.Api.GetAsync($"/api/reports/{Year}");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);

        var csv = await host.Api.GetStringAsync($"/api/statistics/{Year}?format=csv");
        Assert.Contains($"政府网站,信息条数,全年,{items.Count}", csv, StringComparison.Ordinal);
        using var xlsx = new ZipArchive(await host.Api.GetStreamAsync($"/api/statistics/{Year}?format=xlsx"));
        Assert.NotNull(xlsx.GetEntry("xl/worksheets/sheet1.xml"));
    }

    [Fact]
    public async Task Statistics_UnknownFormat_400NamingFormat()
    {
        var response = await host.Api.GetAsync($"/api/statistics/{Year}?format=pdf");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("format", out _));
    }
}
