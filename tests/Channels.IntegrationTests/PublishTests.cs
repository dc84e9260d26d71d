using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;

namespace Channels.IntegrationTests;

[Collection(ChannelsCollection.Name)]
public class PublishTests(ChannelsHost host)
{
    static int Count(JsonElement stats, string channel, string field) => stats.GetProperty(channel).GetProperty(field).GetInt32();

    [Fact]
    public async Task Publish_FiveChannels_EachDeliveredOnceWithPlatformIdsAndCounted()
    {
        var item = Items.Approved("full");
        var before = await host.StatisticsAsync(2017);

        var response = await host.PostAsync(item);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/publications/{item.Id}", response.Headers.Location?.ToString());
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var channels = view.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Assert.Equal(5, channels.Count);
        Assert.All(channels.Values, c => Assert.Equal("delivered", c.GetProperty("state").GetString()));
        Assert.StartsWith("https://mp.weixin.qq.com/s/", channels["wechat"].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9]{16}$", channels["weibo"].GetProperty("platformId").GetString()!);
        Assert.Equal("2/2", channels["sms"].GetProperty("platformId").GetString());

        Assert.Single(await host.JournalAsync("weibo", item.Id), e => e.GetProperty("api").GetString() == "statuses/share" && e.GetProperty("outcome")
            .GetString() == "ok");
        Assert.Single(await host.JournalAsync("wechat", item.Id), e => e.GetProperty("api").GetString() == "freepublish/submit");
        var sms = (await host.JournalAsync("sms", item.Id)).Where(e => e.GetProperty("api").GetString() == "SendSms").ToList();
        Assert.Single(sms);

        var after = await host.StatisticsAsync(2017);
        Assert.Equal(Count(before, "website", "items") + 1, Count(after, "website", "items"));
        Assert.Equal(Count(before, "wechat", "articles") + 1, Count(after, "wechat", "articles"));
        Assert.Equal(Count(before, "weibo", "posts") + 1, Count(after, "weibo", "posts"));
        Assert.Equal(Count(before, "sms", "messages") + 1, Count(after, "sms", "messages"));
        Assert.Equal(Count(before, "sms", "recipients") + 2, Count(after, "sms", "recipients"));
        Assert.Equal(Count(before, "bulletin", "items") + 1, Count(after, "bulletin", "items"));
        var columnsBefore = before.GetProperty("website").GetProperty("columns");
        var columnsAfter = after.GetProperty("website").GetProperty("columns");
        int Column(JsonElement c, string name) => c.TryGetProperty(name, out var v) ? v.GetInt32() : 0;
        Assert.Equal(Column(columnsBefore, "应急管理") + 1, Column(columnsAfter, "应急管理"));
        Assert.Equal(Column(columnsBefore, "通知公告") + 1, Column(columnsAfter, "通知公告"));
    }

    [Fact]
    public async Task Publish_WebsiteAndBulletin_PagesWrittenSanitisedAndServed()
    {
        var item = Items.Approved("site") with { Channels = ["website", "bulletin"] };
        await host.PostAsync(item);
        await host.WaitFinalAsync(item.Id);

        var page = await host.Api.GetAsync($"/site/items/{item.Id}.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(item.Title, html, StringComparison.Ordinal);
        Assert.Contains("值班电话", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", html, StringComparison.Ordinal);

        Assert.Contains($"items/{item.Id}.html", await host.Api.GetStringAsync("/site/columns/tzgg/index.html"), StringComparison.Ordinal);
        Assert.Contains($"items/{item.Id}.html", await host.Api.GetStringAsync("/site/columns/yjgl/index.html"), StringComparison.Ordinal);
        Assert.Contains(item.Title, await host.Api.GetStringAsync("/site/"), StringComparison.Ordinal);

        var bulletin = new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("bulletin");
        var notice = await bulletin.GetBlobClient($"2017-05-10/{item.Id}.html").DownloadContentAsync();
        Assert.Contains("区政务中心信息公告栏", notice.Value.Content.ToString(), StringComparison.Ordinal);
        Assert.Contains(item.Id, (await bulletin.GetBlobClient("2017-05-10/index.html").DownloadContentAsync()).Value.Content.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repost_SameContent_IsANoOpWithoutNewPlatformCalls()
    {
        var item = Items.Approved("again") with { Channels = ["website", "weibo"] };
        await host.PostAsync(item);
        await host.WaitFinalAsync(item.Id);
        var stats = (await host.StatisticsAsync(2017)).GetRawText();

        var again = await host.PostAsync(item);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.True(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicate").GetBoolean());
        await Task.Delay(500);
        Assert.Single(await host.JournalAsync("weibo", item.Id));
        Assert.Equal(stats, (await host.StatisticsAsync(2017)).GetRawText());
    }

    [Fact]
    public async Task Repost_DifferentContent_Is409NamingId()
    {
        var item = Items.Approved("conflict") with { Channels = ["website"] };
        await host.PostAsync(item);

        var response = await host.PostAsync(item with { Title = item.Title + "（更正）" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"id\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counting_UsesThePublicationDateInChinaStandardTime()
    {
        var lateNight = Items.Approved("cst-a", new DateTimeOffset(2013, 12, 31, 23, 30, 0, TimeSpan.FromHours(8))) with { Channels = ["weibo"] };
        var newYearUtcStillOld = Items.Approved("cst-b", new DateTimeOffset(2013, 12, 31, 16, 30, 0, TimeSpan.Zero)) with { Channels = ["weibo"] };
        var before2013 = Count(await host.StatisticsAsync(2013), "weibo", "posts");
        var before2014 = Count(await host.StatisticsAsync(2014), "weibo", "posts");

        await host.PostAsync(lateNight);
        await host.PostAsync(newYearUtcStillOld);
        await host.WaitFinalAsync(lateNight.Id);
        await host.WaitFinalAsync(newYearUtcStillOld.Id);

        Assert.Equal(before2013 + 1, Count(await host.StatisticsAsync(2013), "weibo", "posts"));
        Assert.Equal(before2014 + 1, Count(await host.StatisticsAsync(2014), "weibo", "posts"));
    }

    [Fact]
    public async Task Sms_MoreThan200Numbers_GoesInBatchesAndCountsEveryRecipient()
    {
        var numbers = Enumerable.Range(0, 250).Select(i => $"+86137{i:D8}").ToList();
        var item = Items.Approved("batch") with { Channels = ["sms"], Sms = new() { Audience = numbers, Text = "防汛提醒" } };
        var before = Count(await host.StatisticsAsync(2017), "sms", "recipients");

        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var sends = (await host.JournalAsync("sms", item.Id)).Where(e => e.GetProperty("api").GetString() == "SendSms").ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(before + 250, Count(await host.StatisticsAsync(2017), "sms", "recipients"));
    }
}
