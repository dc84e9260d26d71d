using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests.Hostile;

/// <summary>
/// One opt-out list, applied to every send however the number is addressed; fed by pulled replies and the reply
/// callback; admins see and undo it. Numbers are fresh per run (the list is shared by the whole host).
/// </summary>
[Collection(ChannelsCollection.Name)]
public class OptOutTests(ChannelsHost host)
{
    static string Fresh() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    async Task<List<string?>> SentNumbersAsync(string itemId)
    {
        var sends = (await host.JournalAsync("sms", itemId)).Where(e => e.GetProperty("api").GetString() == "SendSms" && e.GetProperty("outcome")
            .GetString() == "ok");
        return sends.SelectMany(s => s.GetProperty("detail").GetProperty("phoneNumbers").EnumerateArray().Select(n => n.GetString())).Order().ToList();
    }

    async Task<JsonElement> SendAsync(params string[] numbers)
    {
        var item = Items.Approved("optout") with { Channels = ["sms"], Sms = new SmsRequest { Audience = numbers, Text = "请做好防汛准备。" } };
        using var response = await host.PostAsync(item);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await host.WaitFinalAsync(item.Id);
    }

    [Fact]
    public async Task ReplyTD_Pulled_DirectlyAddressedNumber_IsNotSentTo_AdminSeesAndUndoes()
    {
        string a = Fresh(), b = Fresh();
        using (var reply = await host.Sandbox.PostAsJsonAsync("/sandbox/sms/replies", new { phoneNumber = a, text = "TD" })) Assert.Equal(HttpStatusCode.OK,
            reply.StatusCode);

        var view = await SendAsync(a, b);
        Assert.Equal(["+86" + b], await SentNumbersAsync(view.GetProperty("id").GetString()!));

        var list = await host.Api.GetFromJsonAsync<JsonElement>("/api/sms/optouts");
        var entry = list.GetProperty("optOuts").EnumerateArray().Single(o => o.GetProperty("number").GetString() == "+86" + a);
        Assert.Equal("reply", entry.GetProperty("source").GetString());
        Assert.Equal("TD", entry.GetProperty("note").GetString());
        using (var editor = host.Client(ChannelsHost.EditorKey)) Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/sms/optouts")).StatusCode);

        using (var undo = await host.Api.DeleteAsync($"/api/sms/optouts/{a}")) Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
        var again = await SendAsync(a);
        Assert.Equal(["+86" + a], await SentNumbersAsync(again.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task ReplyByCallback_LeavesTheNumberOutOfDirectAndNamedSends()
    {
        string c = Fresh(), d = Fresh();
        var token = ChannelsHost.SmsCallbackToken;
        using (var cb = await host.Client(null).PostAsJsonAsync($"/api/sms/replies?token={token}", new { extend = "", mobile = c, nationcode = "86",
            sign = "芙蓉区", text = "退订", time = 1733200000 }))
        {
            Assert.Equal(HttpStatusCode.OK, cb.StatusCode);
        }

        var direct = await SendAsync(c, d);
        Assert.Equal(["+86" + d], await SentNumbersAsync(direct.GetProperty("id").GetString()!));
        Assert.DoesNotContain(c, direct.GetProperty("item").GetRawText(), StringComparison.Ordinal);

        var audience = "optout-" + Guid.NewGuid().ToString("N")[..8];
        await host.Api.PutAsJsonAsync($"/api/sms/audiences/{audience}", new { numbers = new[] { c, d } });
        var named = Items.Approved("optnamed") with { Channels = ["sms"], Sms = new SmsRequest { Audiences = [audience], Text = "请做好防汛准备。" } };
        using (var response = await host.PostAsync(named)) Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await host.WaitFinalAsync(named.Id);
        Assert.Equal(["+86" + d], await SentNumbersAsync(named.Id));
        var members = await host.Api.GetFromJsonAsync<JsonElement>($"/api/sms/audiences/{audience}");
        Assert.Equal(1, members.GetProperty("optedOut").GetInt32());

        using var onlyOptedOut = await host.PostAsync(Items.Approved("optall") with { Channels = ["sms"], Sms = new SmsRequest { Audience = [c],
            Text = "请做好防汛准备。" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onlyOptedOut.StatusCode);
    }

    [Fact]
    public async Task OtherReplies_AreNotOptOuts()
    {
        var e = Fresh();
        using (var reply = await host.Sandbox.PostAsJsonAsync("/sandbox/sms/replies", new { phoneNumber = e, text = "收到，谢谢" })) Assert.Equal(HttpStatusCode.OK,
            reply.StatusCode);
        var view = await SendAsync(e);
        Assert.Equal(["+86" + e], await SentNumbersAsync(view.GetProperty("id").GetString()!));
    }
}
