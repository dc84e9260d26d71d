using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.IntegrationTests.Plugin.Toutiao;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests.Plugin;

/// <summary>
/// The proof that a channel is a plugin: 政务头条号 (Plugin/Toutiao, one folder; one registration line in
/// <see cref="ToutiaoHost"/>) is listed, validated, published, tracked to the platform's verdict, retried without a
/// second post, counted once and reported in the statistics, the export and the annual report — with no core file
/// naming it.
/// </summary>
[Collection(ToutiaoCollection.Name)]
public sealed class SixthChannelTests(ToutiaoHost host)
{
    const int Year = 2008;
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    static PublicationItem Item(string prefix, int month) =>
        Items.Approved(prefix, new DateTimeOffset(Year, month, 12, 9, 0, 0, China)) with { Channels = ["website", ToutiaoChannel.Name] };

    [Fact]
    public async Task SixthChannel_IsPublishedTrackedRetriedCountedAndReported()
    {
        // Listed, after the five, with its label and abilities.
        var channels = await host.Api.GetFromJsonAsync<JsonElement>("/api/channels");
        var names = channels.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["website", "wechat", "weibo", "sms", "bulletin", "toutiao"], names);
        var toutiao = channels.EnumerateArray().Last();
        Assert.Equal("政务头条号", toutiao.GetProperty("label").GetString());
        Assert.True(toutiao.GetProperty("canRetract").GetBoolean());
        Assert.False(toutiao.GetProperty("canResume").GetBoolean());

        // Its own item option check.
        using (var tooLong = await host.PostAsync(Item("tt-long", 3) with { Title = new string('长', ToutiaoChannel.MaxTitleLength + 1) }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
            Assert.Contains("发布到政务头条号时标题不能超过", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A post whose answer is lost (stored, then 503): the retry finds it and does not post again.
        host.Platform.LoseAnswers(1);
        var lost = Item("tt-lost", 3);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(lost)).StatusCode);
        var view = await host.WaitFinalAsync(lost.Id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var row = Channel(view, ToutiaoChannel.Name);
        Assert.Equal("delivered", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("attempts").GetInt32() >= 2);
        var article = Assert.Single(host.Platform.Articles, a => a.ClientRef == lost.Id);
        Assert.Equal(article.Id, row.GetProperty("platformId").GetString());
        Assert.Equal($"https://toutiao.example/a/{article.Id}", row.GetProperty("url").GetString());

        // Refused (permanent): failed with the platform's reason, then an admin's retry delivers it.
        host.Platform.Refuse(1);
        var refused = Item("tt-refused", 4);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(refused)).StatusCode);
        view = await host.WaitFinalAsync(refused.Id);
        Assert.Equal("partially-failed", view.GetProperty("status").GetString());
        Assert.Contains("政务头条号平台拒绝", Channel(view, ToutiaoChannel.Name).GetProperty("error").GetString(), StringComparison.Ordinal);
        using (var retry = await host.Api.PostAsync($"/api/publications/{refused.Id}/channels/{ToutiaoChannel.Name}/retry", null))
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        view = await host.WaitStatusAsync(refused.Id, "delivered");
        Assert.Equal("delivered", Channel(view, ToutiaoChannel.Name).GetProperty("state").GetString());

        var plain = Item("tt-plain", 4);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(plain)).StatusCode);
        Assert.Equal("delivered", (await host.WaitFinalAsync(plain.Id)).GetProperty("status").GetString());
        Assert.Equal(3, host.Platform.Articles.Count(a => a.ClientRef.StartsWith("tt-", StringComparison.Ordinal)));

        // Counted once each, beside the v1 counts; the v1 fields are untouched.
        var stats = await Eventually.LastAsync(() => host.StatisticsAsync(Year),
            s => s.TryGetProperty("channels", out var c) && c.GetProperty("toutiao").GetProperty("counts")[0].GetProperty("count").GetInt32() == 3,
            TimeSpan.FromSeconds(30));
        var counts = stats.GetProperty("channels").GetProperty("toutiao");
        Assert.Equal("政务头条号", counts.GetProperty("label").GetString());
        Assert.Equal("文章", counts.GetProperty("counts")[0].GetProperty("label").GetString());
        Assert.Equal(3, stats.GetProperty("website").GetProperty("items").GetInt32());
        Assert.Equal(1, stats.GetProperty("months")[2].GetProperty("channels").GetProperty("toutiao").GetProperty("article").GetInt32());
        Assert.Equal(2, stats.GetProperty("months")[3].GetProperty("channels").GetProperty("toutiao").GetProperty("article").GetInt32());
        Assert.False((await host.StatisticsAsync(Year - 1)).TryGetProperty("channels", out _)); // no other channel counted: the v1 shape

        // Exported and reported with its descriptor's labels.
        var csv = await host.Api.GetStringAsync($"/api/statistics/{Year}?format=csv");
        Assert.Contains("政务头条号,文章,全年,3", csv, StringComparison.Ordinal);
        Assert.Contains("政务头条号,文章,4月,2", csv, StringComparison.Ordinal);
        var report = await host.Api.GetStringAsync($"/api/reports/{Year}?format=markdown");
        Assert.Contains($"{Year}年,通过政务头条号发布文章3篇。", report, StringComparison.Ordinal);
        Assert.Contains("政务头条号文章", report, StringComparison.Ordinal);

        // Retracted through its retractor; still counted in its year.
        using (var retract = await host.Api.PostAsJsonAsync($"/api/publications/{plain.Id}/retract", new { reason = "测试撤回" }))
            Assert.Equal(HttpStatusCode.Accepted, retract.StatusCode);
        view = await host.WaitStatusAsync(plain.Id, "retracted");
        Assert.Equal("retracted", Channel(view, ToutiaoChannel.Name).GetProperty("state").GetString());
        Assert.True(Assert.Single(host.Platform.Articles, a => a.ClientRef == plain.Id).Deleted);
    }

    static JsonElement Channel(JsonElement view, string channel) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);
}
