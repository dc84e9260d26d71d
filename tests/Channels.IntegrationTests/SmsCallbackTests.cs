using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Channels.IntegrationTests;

/// <summary>Delivery receipts by Tencent's callback: matched by sid, idempotent; the item counted once, at acceptance.</summary>
[Collection(ChannelsCollection.Name)]
public class SmsCallbackTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    [Fact]
    public async Task ReceiptsByCallbackOnly_RepeatedCallback_DeliveredAndCountedOnce()
    {
        // Pulling is refused (not enabled for the account): receipts can only come by callback.
        await host.InjectAsync(new { channel = "sms", api = "PullSmsSendStatus", kind = "error", code = "UnsupportedOperation", count = 10_000 });
        var item = Items.Approved("smscb") with { Channels = ["sms"] };
        var before = (await host.StatisticsAsync(2017)).GetProperty("sms").GetProperty("recipients").GetInt32();

        await host.PostAsync(item);
        var serials = await SentSerialsAsync(item.Id);
        var receipts = serials.Select((sid, i) => new
        {
            user_receive_time = "2017-05-10 09:00:0" + i, nationcode = "86", mobile = "1380000000" + (i + 1),
            report_status = "SUCCESS", errmsg = "DELIVRD", description = "用户短信送达成功", sid,
        }).Append(new { user_receive_time = "2017-05-10 09:00:09", nationcode = "86", mobile = "13800000009",
            report_status = "SUCCESS", errmsg = "DELIVRD", description = "not ours", sid = "2640:9999999999999999999" }).ToList();
        for (var i = 0; i < 2; i++)
        {
            var reply = await host.Api.PostAsJsonAsync($"/api/sms/receipts?token={ChannelsHost.SmsCallbackToken}", receipts);
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            Assert.Equal(0, (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetInt32());
        }

        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var sms = view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms").GetProperty("sms");
        Assert.Equal(2, sms.GetProperty("delivered").GetInt32());
        Assert.Equal(0, sms.GetProperty("noReceipt").GetInt32());
        Assert.Equal(before + 2, (await host.StatisticsAsync(2017)).GetProperty("sms").GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task NotAnArray_Is400()
    {
        var reply = await host.Api.PostAsJsonAsync($"/api/sms/receipts?token={ChannelsHost.SmsCallbackToken}", new { sid = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
    }

    async Task<List<string>> SentSerialsAsync(string itemId)
    {
        // Wait for the ledger (not just the platform) to know the send: its sid rows are written by then.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var view = await host.Api.GetFromJsonAsync<JsonElement>($"/api/publications/{itemId}");
            var state = view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms").GetProperty("state")
                .GetString();
            if (state != "delivered")
            {
                await Task.Delay(50);
                continue;
            }

            var sent = (await host.JournalAsync("sms", itemId)).FirstOrDefault(e => e.GetProperty("api").GetString() == "SendSms" && e.GetProperty("outcome")
                .GetString() == "ok");
            if (sent.ValueKind == JsonValueKind.Object) return sent.GetProperty("platformId").GetString()!.Split(',').ToList();
            await Task.Delay(50);
        }

        throw new TimeoutException("SendSms never happened for " + itemId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=wrong")]
    public async Task Callback_WithoutTheToken_401_NothingStored(string query)
    {
        var reply = await host.Client(null).PostAsJsonAsync("/api/sms/receipts" + query, new[] { new { sid = "x", report_status = "SUCCESS" } });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, reply.StatusCode);
    }
}
