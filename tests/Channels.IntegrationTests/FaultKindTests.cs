using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Channels.IntegrationTests;

/// <summary>
/// The fault kinds that imitate platform states rather than broken transport: an expired credential (refreshed or
/// re-signed and retried once), a quota or rate limit (deferred on a durable timer, never hammered) and an SMS batch
/// that is only partly accepted (refused numbers named, masked, never re-sent).
/// </summary>
[Collection(ChannelsCollection.Name)]
public class FaultKindTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    static JsonElement Channel(JsonElement view, string name) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == name);

    static IEnumerable<JsonElement> History(JsonElement view, string channel) =>
        view.GetProperty("history").EnumerateArray().Where(h => h.TryGetProperty("channel", out var c) && c.GetString() == channel);

    static string Outcome(JsonElement e) => e.GetProperty("outcome").GetString()!;

    static string Api(JsonElement e) => e.GetProperty("api").GetString()!;

    async Task<JsonElement> PublishAsync(string prefix, params string[] channels)
    {
        var item = Items.Approved(prefix) with { Channels = channels };
        await host.PostAsync(item);
        return await host.WaitFinalAsync(item.Id);
    }

    [Fact]
    public async Task WeChat_ExpiredToken_ClientFetchesANewStableTokenAndRetriesOnce()
    {
        await host.InjectAsync(new { channel = "wechat", api = "draft/add", kind = "expired-token", count = 1 });
        var mark = await host.JournalMarkAsync();

        var view = await PublishAsync("wxexpired", "wechat");

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        Assert.Equal(1, Channel(view, "wechat").GetProperty("attempts").GetInt32());
        var calls = (await host.JournalAllAsync("wechat")).Where(e => e.GetProperty("seq").GetInt64() > mark).ToList();
        var fault = calls.FindIndex(e => Outcome(e) == "fault:expired-token");
        Assert.True(fault >= 0, "the expired-token fault struck");
        Assert.Contains(calls.Skip(fault), e => Api(e) == "stable_token" && Outcome(e) == "ok");
        Assert.Single(calls, e => Api(e) == "draft/add" && Outcome(e) == "ok");
        Assert.Single(calls, e => Api(e) == "freepublish/submit" && Outcome(e) == "ok");
    }

    [Fact]
    public async Task Sms_ExpiredSignature_ResignedAndSentOnce()
    {
        await host.InjectAsync(new { channel = "sms", api = "SendSms", kind = "expired-token", count = 1 });

        var view = await PublishAsync("smsexpired", "sms");

        var sms = Channel(view, "sms");
        Assert.Equal("delivered", sms.GetProperty("state").GetString());
        Assert.Equal("2/2", sms.GetProperty("platformId").GetString());
        Assert.Equal(1, sms.GetProperty("attempts").GetInt32());
        var journal = await host.JournalAsync("sms", view.GetProperty("id").GetString()!);
        Assert.Single(journal, e => Api(e) == "SendSms" && Outcome(e) == "ok");
        Assert.Equal(1, Assert.Single(await host.FaultsAsync()).GetProperty("hits").GetInt32());
    }

    [Theory]
    [InlineData("wechat", "freepublish/submit", "45009", "每日限额")]
    [InlineData("wechat", "draft/add", "45011", "每分钟限额")]
    [InlineData("weibo", "statuses/share", "10023", "每小时限额")]
    [InlineData("sms", "SendSms", "LimitExceeded.AppDailyLimit", "每日限额")]
    public async Task Quota_DeferredOnADurableTimer_ThenSentOnce(string channel, string api, string code, string window)
    {
        await host.InjectAsync(new { channel, api, kind = "quota", code, count = 1 });

        var view = await PublishAsync("quota" + channel, channel);

        Assert.Equal("delivered", Channel(view, channel).GetProperty("state").GetString());
        var queued = Assert.Single(History(view, channel), h => h.GetProperty("state").GetString() == "queued"
            && h.GetProperty("note").GetString()!.Contains("配额", StringComparison.Ordinal));
        Assert.Contains(window, queued.GetProperty("note").GetString(), StringComparison.Ordinal);

        // Not hammered: the next call came after the deferral (1 s in tests), not after the 0.2 s activity retry.
        var calls = (await host.JournalAllAsync(channel)).Where(e => Api(e) == api).ToList();
        var faulted = calls.Last(e => Outcome(e) == "fault:quota");
        var next = calls.First(e => e.GetProperty("seq").GetInt64() > faulted.GetProperty("seq").GetInt64());
        var gap = next.GetProperty("at").GetDateTimeOffset() - faulted.GetProperty("at").GetDateTimeOffset();
        Assert.True(gap >= TimeSpan.FromSeconds(ChannelsHost.QuotaDeferSeconds * 0.9), $"retried after {gap.TotalMilliseconds} ms");
        Assert.Equal("ok", Outcome(next));
    }

    [Fact]
    public async Task Sms_PartialBatch_RefusedNumbersNamedMaskedAndNeverResent()
    {
        await host.InjectAsync(new { channel = "sms", kind = "partial", count = 1 });
        var before = (await host.StatisticsAsync(2017)).GetProperty("sms").GetProperty("recipients").GetInt32();

        var view = await PublishAsync("smspartial", "sms");

        var sms = Channel(view, "sms");
        Assert.Equal("delivered", sms.GetProperty("state").GetString());
        Assert.Equal("1/2", sms.GetProperty("platformId").GetString());
        var error = sms.GetProperty("error").GetString()!;
        Assert.Contains("+86138****0002", error, StringComparison.Ordinal);
        Assert.Contains("当日接收条数已达上限", error, StringComparison.Ordinal);
        Assert.Contains("未重发", error, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000002", error, StringComparison.Ordinal);
        var sends = (await host.JournalAsync("sms", view.GetProperty("id").GetString()!)).Where(e => Api(e) == "SendSms").ToList();
        Assert.Single(sends, e => Outcome(e) == "ok");
        Assert.DoesNotContain(sends, e => Outcome(e) != "ok" && !Outcome(e).StartsWith("fault:", StringComparison.Ordinal));
        Assert.Equal(before + 1, (await host.StatisticsAsync(2017)).GetProperty("sms").GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task WideSwitch_EveryKindWhereItMeansSomething()
    {
        using var on = await host.Sandbox.PostAsJsonAsync("/sandbox/faults", new { rate = 0.1 });
        Assert.Equal(HttpStatusCode.Created, on.StatusCode);
        var rules = await host.FaultsAsync();
        await host.ClearFaultsAsync();

        string[] Kinds(string channel) => [.. rules.Where(r => r.GetProperty("channel").GetString() == channel).Select(r => r.GetProperty("kind").GetString()!)
            .Order()];
        Assert.Equal(["drop-after-commit", "error", "expired-token", "http500", "quota", "slow", "timeout"], Kinds("wechat"));
        Assert.Equal(["drop-after-commit", "error", "http500", "quota", "slow", "timeout"], Kinds("weibo"));
        Assert.Equal(["drop-after-commit", "error", "expired-token", "http500", "partial", "quota", "slow", "timeout"], Kinds("sms"));
        Assert.Equal("SendSms", rules.Single(r => r.GetProperty("kind").GetString() == "partial").GetProperty("api").GetString());
        Assert.Equal("45011", rules.Single(r => r.GetProperty("channel").GetString() == "wechat" && r.GetProperty("kind").GetString() == "quota")
            .GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("wechat", "partial", null, "sms only")]
    [InlineData("wechat", "quota", "40001", "45009")]
    [InlineData("sms", "expired-token", "LimitExceeded.AppDailyLimit", "AuthFailure")]
    public async Task InvalidKindSpec_Refused(string channel, string kind, string? code, string hint)
    {
        using var response = await host.Sandbox.PostAsJsonAsync("/sandbox/faults", new { channel, kind, code });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(hint, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await host.FaultsAsync());
    }
}
