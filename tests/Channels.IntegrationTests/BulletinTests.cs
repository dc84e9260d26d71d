using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Channels.Publishing.Channels.Bulletin;
using Channels.Publishing.Items;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests;

/// <summary>
/// The bulletin channel's numbered daily issues and monthly gazette, in the years 2011 and 2012 that no other test
/// publishes bulletin items in (issue numbers are per year, so the numbers asserted here are exact).
/// </summary>
[Collection(ChannelsCollection.Name)]
public class BulletinTests(ChannelsHost host)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    BlobContainerClient Bulletin => new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("bulletin");

    async Task<string> ReadAsync(string path) => (await Bulletin.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToString();

    internal static PublicationItem BulletinItem(string prefix, DateTimeOffset at, string[] boards, string? category = null) =>
        Items.Approved(prefix, at) with { Channels = ["bulletin"], Bulletin = new BulletinRequest { Boards = boards }, DocumentCategory = category };

    async Task PublishAsync(params PublicationItem[] items)
    {
        await Task.WhenAll(items.Select(async i => Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(i)).StatusCode)));
        foreach (var i in items) Assert.Equal("delivered", (await host.WaitFinalAsync(i.Id)).GetProperty("status").GetString());
    }

    static int Occurrences(string text, string needle) => text.Split(needle).Length - 1;

    [Fact]
    public async Task Issues_NumberedPerYearOnFirstPublish_StableUnderConcurrencyRetriesAndBackdatedItems()
    {
        var a = BulletinItem("bul-a", new DateTimeOffset(2011, 3, 1, 9, 0, 0, China), ["东岸街道公开栏", "区政务中心信息公告栏"]);
        var b = BulletinItem("bul-b", new DateTimeOffset(2011, 3, 1, 10, 0, 0, China), ["区政务中心信息公告栏"]);

        // Two concurrent publishes on a new date share its issue, numbered first of the year.
        await PublishAsync(a, b);
        var issue = await ReadAsync("2011-03-01/index.html");
        Assert.Contains("2011年第1期", issue, StringComparison.Ordinal);
        Assert.Contains("2011年3月1日", issue, StringComparison.Ordinal);
        var contents = issue[issue.IndexOf("class=\"toc\"", StringComparison.Ordinal)..issue.IndexOf("board-summary", StringComparison.Ordinal)];
        Assert.True(contents.IndexOf(a.Title, StringComparison.Ordinal) is > 0 and var ia && contents.IndexOf(b.Title, StringComparison.Ordinal) > ia,
            "contents list both, in time order");
        Assert.Contains("张贴位置：东岸街道公开栏、区政务中心信息公告栏", issue, StringComparison.Ordinal);
        Assert.Contains($"<td>区政务中心信息公告栏</td><td>第1篇　{a.Title}<br>第2篇　{b.Title}</td><td class=\"n\">2</td>", issue, StringComparison.Ordinal);
        Assert.Contains($"<td>东岸街道公开栏</td><td>第1篇　{a.Title}</td><td class=\"n\">1</td>", issue, StringComparison.Ordinal);
        Assert.Contains("区政务中心信息公告栏", await ReadAsync($"2011-03-01/{a.Id}.html"), StringComparison.Ordinal);

        // The next date gets the next number.
        var c = BulletinItem("bul-c", new DateTimeOffset(2011, 3, 2, 9, 0, 0, China), ["东岸街道公开栏"]);
        await PublishAsync(c);
        Assert.Contains("2011年第2期", await ReadAsync("2011-03-02/index.html"), StringComparison.Ordinal);

        // A retried delivery step (same item again) neither duplicates the notice nor renumbers.
        var exports = host.Services.GetRequiredService<BulletinExports>();
        Assert.Equal(1, await exports.AddAsync(a, CancellationToken.None));
        issue = await ReadAsync("2011-03-01/index.html");
        Assert.Equal(1, Occurrences(issue, $"<h1 class=\"title\" style=\"text-align:center\">{a.Title}</h1>"));
        Assert.Equal(2, Occurrences(issue, $"<section class=\"sheet doc\""));
        Assert.Contains("2011年第1期", issue, StringComparison.Ordinal);

        // A late item dated before both gets the next number; issues already printed keep theirs.
        var late = BulletinItem("bul-late", new DateTimeOffset(2011, 2, 15, 9, 0, 0, China), ["东岸街道公开栏"]);
        await PublishAsync(late);
        Assert.Contains("2011年第3期", await ReadAsync("2011-02-15/index.html"), StringComparison.Ordinal);
        Assert.Contains("2011年第1期", await ReadAsync("2011-03-01/index.html"), StringComparison.Ordinal);

        var stats = await host.StatisticsAsync(2011);
        Assert.Equal(4, stats.GetProperty("bulletin").GetProperty("items").GetInt32());
        Assert.Equal(3, stats.GetProperty("bulletin").GetProperty("issues").GetInt32());
    }

    [Fact]
    public async Task Gazette_GroupedByCategory_RetractionRemovesFromIssueAndGazette()
    {
        var other = BulletinItem("gaz-o", new DateTimeOffset(2012, 4, 5, 9, 0, 0, China), ["区政务中心信息公告栏"]);
        var normative = BulletinItem("gaz-n", new DateTimeOffset(2012, 4, 6, 9, 0, 0, China), ["区政务中心信息公告栏"],
            DocumentCategories.NormativeDocument) with { DocumentNumber = "芙政发〔2012〕7号" };
        var regulation = BulletinItem("gaz-r", new DateTimeOffset(2012, 4, 20, 9, 0, 0, China), ["区政务中心信息公告栏"], DocumentCategories.Regulation);
        await PublishAsync(other, normative, regulation);

        var gazette = await ReadAsync("2012/04/gazette.html");
        Assert.Contains("芙蓉区人民政府公报", gazette, StringComparison.Ordinal);
        Assert.Contains("2012年第4期", gazette, StringComparison.Ordinal);
        Assert.Contains("芙政发〔2012〕7号", gazette, StringComparison.Ordinal);
        var order = new[] { "【规章】", regulation.Title, "【行政规范性文件】", normative.Title, "【其他文件】", other.Title }
            .Select(s => gazette.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);

        using (var retract = await host.Api.PostAsJsonAsync($"/api/publications/{normative.Id}/retract", new { reason = "文件已废止" }))
            Assert.Equal(HttpStatusCode.Accepted, retract.StatusCode);
        var view = await host.WaitStatusAsync(normative.Id, "retracted");
        Assert.Contains("2012年第4期公报中移除", view.GetRawText(), StringComparison.Ordinal);

        gazette = await ReadAsync("2012/04/gazette.html");
        Assert.DoesNotContain(normative.Title, gazette, StringComparison.Ordinal);
        Assert.DoesNotContain("【行政规范性文件】", gazette, StringComparison.Ordinal);
        Assert.Contains(regulation.Title, gazette, StringComparison.Ordinal);
        var issue = await ReadAsync("2012-04-06/index.html");
        Assert.DoesNotContain(normative.Title, issue, StringComparison.Ordinal);
        Assert.Contains("本期信息已全部撤下", issue, StringComparison.Ordinal);
        Assert.False((await Bulletin.GetBlobClient($"2012-04-06/{normative.Id}.html").ExistsAsync()).Value);

        // On demand: the same page again, and where it is.
        using var rebuild = await host.Api.PostAsync("/api/bulletin/gazette/2012/04", null);
        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        var rebuilt = await rebuild.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(rebuilt.GetProperty("rebuilt").GetBoolean());
        Assert.Equal("2012年第4期", rebuilt.GetProperty("period").GetString());
        Assert.Equal("2012/04/gazette.html", rebuilt.GetProperty("path").GetString());
        Assert.Equal(gazette, await ReadAsync("2012/04/gazette.html"));
        Assert.Equal(gazette, await host.Api.GetStringAsync("/bulletin/2012/04/gazette.html"));
    }

    [Theory]
    [InlineData("2012/13", "month")]
    [InlineData("12/04", "year")]
    [InlineData("2012/4", "month")]
    public async Task Gazette_BadPeriod_400NamingTheField(string period, string field)
    {
        using var response = await host.Api.GetAsync($"/api/bulletin/gazette/{period}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Gazette_WithoutKey_IsRefused()
    {
        using var response = await host.Client(null).GetAsync("/api/bulletin/gazette/2012/04");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Publish_BulletinWithoutBoards_StaysRejected()
    {
        var item = BulletinItem("bul-bad", new DateTimeOffset(2011, 5, 1, 9, 0, 0, China), []);
        using var response = await host.PostAsync(item);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("bulletin.boards", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await Bulletin.GetBlobClient($"2011-05-01/{item.Id}.html").ExistsAsync()).Value);
    }
}
