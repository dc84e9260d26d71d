using System.Text.Json;

namespace Channels.IntegrationTests;

/// <summary>Tencent SMS rules over real HTTP: a lost SendSms response is reconciled, never re-sent.</summary>
[Collection(ChannelsCollection.Name)]
public class SmsRuleTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    static JsonElement Sms(JsonElement view) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms");

    static bool IsSend(JsonElement e) => e.GetProperty("api").GetString() == "SendSms" && e.GetProperty("outcome").GetString() == "ok";

    [Fact]
    public async Task SendResponseLost_ReconciledBySessionContext_SentOnceAndDelivered()
    {
        await host.InjectAsync(new { channel = "sms", api = "SendSms", kind = "drop-after-commit", count = 1 });
        var mark = await host.JournalMarkAsync();
        var item = Items.Approved("smslost") with { Channels = ["sms"] };

        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var sms = Sms(view);
        Assert.Equal("2/2", sms.GetProperty("platformId").GetString());
        Assert.Contains("已按平台发送记录核对", sms.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(await host.JournalAsync("sms", item.Id), IsSend);
        var lookups = (await host.JournalAllAsync("sms")).Where(e => e.GetProperty("seq").GetInt64() > mark
            && e.GetProperty("api").GetString() == "PullSmsSendStatusByPhoneNumber" && e.GetProperty("outcome").GetString() == "ok").ToList();
        Assert.Equal(2, lookups.Count);
    }

    [Fact]
    public async Task SendResponseLost_AndLookupUnavailable_ExplainedFinalState_NeverResent()
    {
        await host.InjectAsync(new { channel = "sms", api = "SendSms", kind = "drop-after-commit", count = 1 });
        await host.InjectAsync(new { channel = "sms", api = "PullSmsSendStatusByPhoneNumber", kind = "error", code = "UnsupportedOperation", count = 10 });
        var item = Items.Approved("smsunknown") with { Channels = ["sms"] };

        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        var sms = Sms(view);
        Assert.Equal("failed", sms.GetProperty("state").GetString());
        var error = sms.GetProperty("error").GetString()!;
        Assert.Contains("发送结果未知", error, StringComparison.Ordinal);
        Assert.Contains("未重发", error, StringComparison.Ordinal);
        Assert.Single(await host.JournalAsync("sms", item.Id), IsSend);
    }
}
