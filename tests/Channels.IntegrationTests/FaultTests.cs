using System.Net.Http.Json;
using System.Text.Json;

namespace Channels.IntegrationTests;

/// <summary>Platform failures injected in the sandbox: retried safely, reconciled, or reported — never doubled.</summary>
[Collection(ChannelsCollection.Name)]
public class FaultTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    static JsonElement Channel(JsonElement view, string name) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == name);

    [Fact]
    public async Task Weibo_ResponseLostAfterPosting_RetryReconcilesWithoutASecondPost()
    {
        await host.InjectAsync(new { channel = "weibo", api = "statuses/share", kind = "drop-after-commit", count = 1 });
        var item = Items.Approved("lost") with { Channels = ["weibo"] };
        var before = (await host.StatisticsAsync(2017)).GetProperty("weibo").GetProperty("posts").GetInt32();

        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var posts = (await host.JournalAsync("weibo", item.Id)).Where(e => e.GetProperty("outcome").GetString() == "ok").ToList();
        Assert.Single(posts);
        Assert.True(Channel(view, "weibo").GetProperty("attempts").GetInt32() >= 2);
        Assert.Equal(before + 1, (await host.StatisticsAsync(2017)).GetProperty("weibo").GetProperty("posts").GetInt32());
    }

    [Fact]
    public async Task WeChat_Transient500OnSubmit_RetriedAndPublishedOnce()
    {
        await host.InjectAsync(new { channel = "wechat", api = "freepublish/submit", kind = "http500", count = 1 });
        var item = Items.Approved("wx500") with { Channels = ["wechat"] };

        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var journal = await host.JournalAsync("wechat", item.Id);
        Assert.Single(journal, e => e.GetProperty("api").GetString() == "draft/add");
        Assert.Single(journal, e => e.GetProperty("api").GetString() == "freepublish/submit");
    }

    [Fact]
    public async Task WeChat_PermanentRefusal_ChannelFailsWithReasonAndIsNotCounted()
    {
        await host.InjectAsync(new { channel = "wechat", api = "freepublish/submit", kind = "error", code = "48001", count = 1 });
        var item = Items.Approved("wx48001") with { Channels = ["wechat", "website"] };
        var before = (await host.StatisticsAsync(2017)).GetProperty("wechat").GetProperty("articles").GetInt32();

        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("partially-failed", view.GetProperty("status").GetString());
        var wechat = Channel(view, "wechat");
        Assert.Equal("credentials-expired", wechat.GetProperty("state").GetString());
        Assert.Contains("凭据/配置", wechat.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("48001", wechat.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("delivered", Channel(view, "website").GetProperty("state").GetString());
        Assert.Equal(before, (await host.StatisticsAsync(2017)).GetProperty("wechat").GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task RateSwitch_TurnsEveryKindOnForTheChosenChannels_DeleteTurnsThemOff()
    {
        using var on = await host.Sandbox.PostAsJsonAsync("/sandbox/faults", new { rate = 0.1, channels = new[] { "weibo", "sms" } });
        Assert.Equal(System.Net.HttpStatusCode.Created, on.StatusCode);
        var rules = await host.FaultsAsync();
        Assert.Equal(15, rules.Count); // weibo: 7 kinds (named, so expired-token too; partial is SMS-only), sms: 8
        Assert.All(rules.Where(r => r.GetProperty("channel").GetString() == "weibo"), r => Assert.Equal(0.1 / 7, r.GetProperty("rate").GetDouble(), 3));
        Assert.All(rules.Where(r => r.GetProperty("channel").GetString() == "sms"), r => Assert.Equal(0.1 / 8, r.GetProperty("rate").GetDouble(), 3));
        Assert.Equal(["drop-after-commit", "error", "expired-token", "http500", "quota", "slow", "timeout"],
            rules.Where(r => r.GetProperty("channel").GetString() == "weibo").Select(r => r.GetProperty("kind").GetString()).Order());

        await host.ClearFaultsAsync();
        Assert.Empty(await host.FaultsAsync());
    }
}
