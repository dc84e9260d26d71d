using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Channels.Publishing.Channels.Weibo;

namespace Channels.IntegrationTests;

/// <summary>What a channel admin does: find a failed delivery, retry it, retract a publication, watch channel health.</summary>
[Collection(ChannelsCollection.Name)]
public class MonitoringTests(ChannelsHost host) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await host.ClearFaultsAsync();
        await LiftWeiboHoldAsync();
    }

    public async Task DisposeAsync()
    {
        await host.ClearFaultsAsync();
        await LiftWeiboHoldAsync();
    }

    async Task LiftWeiboHoldAsync()
    {
        var table = new TableClient(host.StorageConnectionString, "channelstate");
        await table.CreateIfNotExistsAsync();
        await table.DeleteEntityAsync(WeiboCredentials.Partition, WeiboCredentials.Row);
    }

    static JsonElement Channel(JsonElement view, string channel) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    [Fact]
    public async Task FailedChannel_ShowsReasonAndHistory_RetryDeliversIt_PostedOnce()
    {
        // 20012: text too long — a refusal no automatic retry can fix; the admin fixes the cause, then retries.
        await host.InjectAsync(new { channel = "weibo", api = "statuses/share", kind = "error", code = 20012, count = 1 });
        var item = Items.Approved("retry") with { Channels = ["website", "weibo"] };
        await host.PostAsync(item);
        var failed = await host.WaitFinalAsync(item.Id);

        Assert.Equal("partially-failed", failed.GetProperty("status").GetString());
        var weibo = Channel(failed, "weibo");
        Assert.Equal("failed", weibo.GetProperty("state").GetString());
        Assert.True(weibo.GetProperty("retryable").GetBoolean());
        Assert.Contains("微博平台拒绝", weibo.GetProperty("error").GetString(), StringComparison.Ordinal);

        var list = await host.Api.GetFromJsonAsync<JsonElement>("/api/publications?channel=weibo&state=failed&q=" + item.Id);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(item.Id, list.GetProperty("items")[0].GetProperty("id").GetString());

        using var retry = await host.Api.PostAsync($"/api/publications/{item.Id}/channels/weibo/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var done = await host.WaitStatusAsync(item.Id, "delivered");

        Assert.Equal("delivered", done.GetProperty("status").GetString());
        Assert.Equal("delivered", Channel(done, "weibo").GetProperty("state").GetString());
        Assert.Single(await host.JournalAsync("weibo", item.Id), e => e.GetProperty("outcome").GetString() == "ok");
        // "queued" (waiting for a Weibo posting slot) shows up when earlier tests' posts still fill the test window of
        // 3 posts per 2 s; pacing is not what this test is about.
        var states = done.GetProperty("history").EnumerateArray()
            .Where(h => h.TryGetProperty("channel", out var c) && c.GetString() == "weibo").Select(h => h.GetProperty("state").GetString())
            .Where(s => s != "queued").ToList();
        Assert.Equal(["intent", "failed", "intent", "delivered"], states.Where((s, i) => i == 0 || s != states[i - 1]));
        Assert.Contains(done.GetProperty("history").EnumerateArray(), h => h.TryGetProperty("note", out var n) && n.GetString()!.Contains("管理员要求重试",
            StringComparison.Ordinal));

        using var again = await host.Api.PostAsync($"/api/publications/{item.Id}/channels/weibo/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Retract_RemovesPageAndPosts_SmsGetsCorrection_CountsUnchanged()
    {
        var item = Items.Approved("retract");
        await host.PostAsync(item);
        var delivered = await host.WaitFinalAsync(item.Id);
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        using (var page = await host.Api.GetAsync($"/site/items/{item.Id}.html")) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var before = await host.StatisticsAsync(2017);

        using var bad = await host.Api.PostAsJsonAsync($"/api/publications/{item.Id}/retract", new { reason = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("reason", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var retract = await host.Api.PostAsJsonAsync($"/api/publications/{item.Id}/retract",
            new { reason = "发文字号有误", smsCorrection = "更正：此前通知作废，以区政府网站公布为准。" });
        Assert.Equal(HttpStatusCode.Accepted, retract.StatusCode);
        var view = await host.WaitStatusAsync(item.Id, "retracted");

        Assert.Equal("retracted", view.GetProperty("status").GetString());
        Assert.Equal("发文字号有误", view.GetProperty("retractReason").GetString());
        foreach (var c in new[] { "website", "wechat", "weibo", "bulletin" }) Assert.Equal("retracted", Channel(view, c).GetProperty("state").GetString());
        Assert.Equal("correction-sent", Channel(view, "sms").GetProperty("state").GetString());

        using (var page = await host.Api.GetAsync($"/site/items/{item.Id}.html")) Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        foreach (var path in new[] { "/site/index.html", "/site/columns/tzgg/index.html" })
        {
            Assert.DoesNotContain(item.Id, await host.Api.GetStringAsync(path), StringComparison.Ordinal);
        }

        Assert.Single(await host.JournalAsync("weibo", item.Id), e => e.GetProperty("api").GetString() == "statuses/destroy");
        var articleId = Channel(view, "wechat").GetProperty("platformId").GetString()!;
        Assert.Single(await host.JournalAsync("wechat", articleId), e => e.GetProperty("api").GetString() == "freepublish/delete");
        var corrections = (await host.JournalAsync("sms", "此前通知作废")).Where(e => e.GetProperty("api").GetString() == "SendSms").ToList();
        Assert.Single(corrections);

        var after = await host.StatisticsAsync(2017);
        Assert.Equal(before.GetProperty("weibo").GetProperty("posts").GetInt32(), after.GetProperty("weibo").GetProperty("posts").GetInt32());
        Assert.Equal(before.GetProperty("sms").GetProperty("messages").GetInt32(), after.GetProperty("sms").GetProperty("messages").GetInt32());

        using var twice = await host.Api.PostAsJsonAsync($"/api/publications/{item.Id}/retract", new { reason = "再次撤回" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task ExpiredWeiboToken_HealthShowsDown_ResumeLiftsHold_RetryDelivers()
    {
        await host.InjectAsync(new { channel = "weibo", api = "statuses/share", kind = "error", code = 21327, count = 1 });
        var item = Items.Approved("health") with { Channels = ["weibo"] };
        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);
        Assert.Equal("credentials-expired", Channel(view, "weibo").GetProperty("state").GetString());

        var health = await WeiboHealthAsync();
        Assert.Equal("down", health.GetProperty("status").GetString());
        Assert.Equal("expired", health.GetProperty("token").GetString());
        Assert.True(health.GetProperty("held").GetBoolean());
        Assert.True(health.GetProperty("failed").GetInt32() >= 1);
        Assert.Equal("hour", health.GetProperty("quota").GetProperty("period").GetString());

        using (var resume = await host.Api.PostAsync("/api/channels/weibo/resume", null)) Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        using (var none = await host.Api.PostAsync("/api/channels/weibo/resume", null)) Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.False((await WeiboHealthAsync()).GetProperty("held").GetBoolean());

        using var retry = await host.Api.PostAsync($"/api/publications/{item.Id}/channels/weibo/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("delivered", (await host.WaitStatusAsync(item.Id, "delivered")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_FiltersByColumnDateAndText_RejectsBadFilters()
    {
        var item = Items.Approved("listing", new DateTimeOffset(2017, 8, 15, 10, 0, 0, TimeSpan.FromHours(8))) with
        {
            Channels = ["website"], Columns = ["规划计划"],
        };
        await host.PostAsync(item);
        await host.WaitFinalAsync(item.Id);

        var hit = await host.Api.GetFromJsonAsync<JsonElement>($"/api/publications?column=规划计划&from=2017-08-15&to=2017-08-15&q={item.Id}");
        var row = Assert.Single(hit.GetProperty("items").EnumerateArray());
        Assert.Equal("delivered", row.GetProperty("channels")[0].GetProperty("state").GetString());
        var miss = await host.Api.GetFromJsonAsync<JsonElement>($"/api/publications?from=2017-08-16&q={item.Id}");
        Assert.Equal(0, miss.GetProperty("total").GetInt32());

        using var bad = await host.Api.GetAsync("/api/publications?from=15/08/2017&limit=9999&channel=fax");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "from", "limit", "channel" }) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    async Task<JsonElement> WeiboHealthAsync()
    {
        var report = await host.Api.GetFromJsonAsync<JsonElement>("/api/channels/health");
        return report.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "weibo");
    }
}
