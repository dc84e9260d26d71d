using System.Text.Json;
using Azure.Data.Tables;
using Channels.Publishing.Channels.Weibo;

namespace Channels.IntegrationTests;

/// <summary>Weibo rules over real HTTP: expired credentials hold the channel without a retry storm; posts are paced.</summary>
[Collection(ChannelsCollection.Name)]
public class WeiboRuleTests(ChannelsHost host) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await host.ClearFaultsAsync();
        await LiftCredentialHoldAsync();
    }

    public async Task DisposeAsync()
    {
        await host.ClearFaultsAsync();
        await LiftCredentialHoldAsync();
    }

    /// <summary>What an admin's new token does in production: the hold no longer applies.</summary>
    async Task LiftCredentialHoldAsync()
    {
        var table = new TableClient(host.StorageConnectionString, "channelstate");
        await table.CreateIfNotExistsAsync();
        await table.DeleteEntityAsync(WeiboCredentials.Partition, WeiboCredentials.Row);
    }

    static JsonElement Weibo(JsonElement view) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "weibo");

    async Task<JsonElement> PublishAsync(string prefix)
    {
        var item = Items.Approved(prefix) with { Channels = ["weibo"] };
        await host.PostAsync(item);
        return await host.WaitFinalAsync(item.Id);
    }

    [Theory]
    [InlineData(21327, "授权已过期")]
    [InlineData(21332, "access_token 无效")]
    [InlineData(21301, "认证失败")]
    public async Task TokenError_HoldsTheChannelWithChineseReason_OneCallOnly(int code, string hint)
    {
        await host.InjectAsync(new { channel = "weibo", api = "statuses/share", kind = "error", code, count = 5 });

        var first = await PublishAsync("wbcred1");
        var second = await PublishAsync("wbcred2");

        foreach (var view in new[] { first, second })
        {
            var weibo = Weibo(view);
            Assert.Equal("credentials-expired", weibo.GetProperty("state").GetString());
            var error = weibo.GetProperty("error").GetString()!;
            Assert.Contains("微博凭据已失效", error, StringComparison.Ordinal);
            Assert.Contains(hint, error, StringComparison.Ordinal);
            Assert.Equal(1, weibo.GetProperty("attempts").GetInt32());
        }

        Assert.Equal(1, Assert.Single(await host.FaultsAsync()).GetProperty("hits").GetInt32());
        Assert.Empty(await host.JournalAsync("weibo", second.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task ExpiredTokenKind_21327_HoldsTheChannelForAnAdmin()
    {
        await host.InjectAsync(new { channel = "weibo", api = "statuses/share", kind = "expired-token", count = 1 });

        var weibo = Weibo(await PublishAsync("wbexpkind"));

        Assert.Equal("credentials-expired", weibo.GetProperty("state").GetString());
        Assert.Contains("授权已过期", weibo.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, weibo.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task ManyItemsAtOnce_PostsArePacedWithinTheWindowBudget_EachPostedOnce()
    {
        var items = Enumerable.Range(0, 7).Select(i => Items.Approved($"wbpace{i}") with { Channels = ["weibo"] }).ToList();

        await Task.WhenAll(items.Select(host.PostAsync));
        var views = await Task.WhenAll(items.Select(i => host.WaitFinalAsync(i.Id)));

        Assert.All(views, v => Assert.Equal("delivered", v.GetProperty("status").GetString()));
        var posts = new List<DateTime>();
        foreach (var item in items)
        {
            var ok = Assert.Single(await host.JournalAsync("weibo", item.Id), e => e.GetProperty("outcome").GetString() == "ok");
            posts.Add(ok.GetProperty("at").GetDateTime());
        }

        // Slots are exact; the posts themselves start when their timer fires and their activity runs, so a busy
        // machine can start one late (a fresh clone's CI run saw 636 ms). Without pacing these posts would be
        // milliseconds apart; in production the budget (25 of Weibo's 30 an hour) leaves far more room than this.
        posts.Sort();
        var budget = ChannelsHost.WeiboPostsPerWindow;
        var jitter = TimeSpan.FromMilliseconds(1000);
        for (var i = 0; i + budget < posts.Count; i++)
        {
            Assert.True(posts[i + budget] - posts[i] >= TimeSpan.FromSeconds(ChannelsHost.WeiboWindowSeconds) - jitter,
                $"posts {i} and {i + budget} only {(posts[i + budget] - posts[i]).TotalMilliseconds} ms apart");
        }
    }
}
