using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Channels.Publishing.Channels.WeChat;

namespace Channels.IntegrationTests;

/// <summary>
/// PUBLISHJOBFINISH pushes over real HTTP: a signed push records the verdict before polling sees it, a forged or stale
/// one changes nothing, a replayed one counts nothing twice; the sandbox sends the push itself when told where to.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class WeChatEventTests(ChannelsHost host) : IAsyncLifetime
{
    const string Path = "/api/channels/wechat/events";

    public Task InitializeAsync() => host.ClearFaultsAsync();

    public async Task DisposeAsync()
    {
        await host.ClearFaultsAsync();
        await host.Sandbox.DeleteAsync("/sandbox/wechat/push");
    }

    static JsonElement WeChat(JsonElement view) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "wechat");

    static List<string?> PushNotes(JsonElement view) => view.GetProperty("history").EnumerateArray()
        .Select(h => h.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)
        .Where(n => n?.StartsWith(WeChatPushRecorder.NotePrefix, StringComparison.Ordinal) == true).ToList();

    static string Xml(string publishId, int status, string articleId, string url) =>
        $"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[mphelper]]></FromUserName><CreateTime>1</CreateTime>"
        + $"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>{publishId}</publish_id>"
        + $"<publish_status>{status}</publish_status><article_id><![CDATA[{articleId}]]></article_id><article_detail><count>1</count>"
        + $"<item><idx>1</idx><article_url><![CDATA[{url}]]></article_url></item></article_detail></PublishEventInfo></xml>";

    Task<HttpResponseMessage> PushAsync(string xml, string? token = ChannelsHost.WeChatEventToken, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N")[..10];
        var signature = token is null ? "0000000000000000000000000000000000000000" : WeChatEventSignature.Compute(token, timestamp, nonce);
        return host.Client(null).PostAsync($"{Path}?signature={signature}&timestamp={timestamp}&nonce={nonce}", new StringContent(xml, Encoding.UTF8,
            "text/xml"));
    }

    /// <summary>Posts a WeChat item whose first verdict poll hangs for a while; returns its id and publish_id once submitted.</summary>
    async Task<(string Id, string PublishId)> SubmitWithSlowPollAsync(string prefix)
    {
        await host.InjectAsync(new { channel = "wechat", api = "freepublish/get", kind = "slow", delayMs = 4000, count = 1 });
        var item = Items.Approved(prefix) with { Channels = ["wechat"] };
        await host.PostAsync(item);
        var publishId = await Eventually.FoundAsync(async () =>
        {
            var submit = (await host.JournalAsync("wechat", item.Id)).FirstOrDefault(e => e.GetProperty("api").GetString() == "freepublish/submit"
                && e.GetProperty("outcome").GetString() == "ok");
            return submit.ValueKind == JsonValueKind.Object && WeChat(await host.Api.GetFromJsonAsync<JsonElement>($"/api/publications/{item.Id}"))
                .GetProperty("state").GetString() == "awaiting-verdict" ? submit.GetProperty("platformId").GetString() : null;
        }, "the item was not submitted to WeChat", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));
        return (item.Id, publishId);
    }

    [Fact]
    public async Task SignedPush_RecordsTheVerdictBeforePolling_ForgedAndReplayedChangeNothing()
    {
        var (id, publishId) = await SubmitWithSlowPollAsync("wxpush");
        var before = (await host.StatisticsAsync(2017)).GetProperty("wechat").GetProperty("articles").GetInt32();
        var xml = Xml(publishId, 0, "push-article-" + publishId, "https://mp.weixin.qq.com/s/pushed" + publishId);

        using var forged = await PushAsync(xml, token: "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using var stale = await PushAsync(xml, at: DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        var untouched = await host.Api.GetFromJsonAsync<JsonElement>($"/api/publications/{id}");
        Assert.Equal("awaiting-verdict", WeChat(untouched).GetProperty("state").GetString());
        Assert.Empty(PushNotes(untouched));

        using var signed = await PushAsync(xml);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("success", await signed.Content.ReadAsStringAsync());
        var recorded = WeChat(await host.Api.GetFromJsonAsync<JsonElement>($"/api/publications/{id}"));
        Assert.Equal("delivered", recorded.GetProperty("state").GetString()); // the poll is still hanging: the push did it
        Assert.Equal("push-article-" + publishId, recorded.GetProperty("platformId").GetString());

        using var replayed = await PushAsync(xml);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var view = await host.WaitFinalAsync(id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());
        Assert.Single(PushNotes(view));
        Assert.Equal("push-article-" + publishId, WeChat(view).GetProperty("platformId").GetString());
        Assert.Equal(before + 1, (await host.StatisticsAsync(2017)).GetProperty("wechat").GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task SandboxPushesWhenConfigured_VerdictRecordedByThePush()
    {
        using var configured = await host.Sandbox.PutAsJsonAsync("/sandbox/wechat/push", new { url = host.BaseUrl.TrimEnd('/') + Path,
            token = ChannelsHost.WeChatEventToken });
        Assert.Equal(HttpStatusCode.NoContent, configured.StatusCode);
        await host.InjectAsync(new { channel = "wechat", api = "freepublish/get", kind = "slow", delayMs = 3000, count = 1 });
        var item = Items.Approved("wxsbpush") with { Channels = ["wechat"] };

        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        Assert.Single(PushNotes(view));
        var submit = Assert.Single(await host.JournalAsync("wechat", item.Id), e => e.GetProperty("api").GetString() == "freepublish/submit");
        var push = Assert.Single(await host.JournalAllAsync("wechat"), e => e.GetProperty("api").GetString() == "event/PUBLISHJOBFINISH"
            && e.GetProperty("platformId").GetString() == submit.GetProperty("platformId").GetString());
        Assert.Equal("200", push.GetProperty("outcome").GetString());
        Assert.Equal(submit.GetProperty("detail").GetProperty("article_id").GetString(), WeChat(view).GetProperty("platformId").GetString());
    }

    [Fact]
    public async Task UrlCheck_EchoesOnlyWhenSigned()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WeChatEventSignature.Compute(ChannelsHost.WeChatEventToken, timestamp, "n1");
        var anonymous = host.Client(null);

        Assert.Equal("echo-42", await anonymous.GetStringAsync($"{Path}?signature={signature}&timestamp={timestamp}&nonce=n1&echostr=echo-42"));
        using var wrong = await anonymous.GetAsync($"{Path}?signature={signature}&timestamp={timestamp}&nonce=n2&echostr=echo-42");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }
}
