using System.Text.Json;

namespace Channels.IntegrationTests;

/// <summary>WeChat platform rules over real HTTP: credentials, token refresh, the cover, content limits, reconciliation.</summary>
[Collection(ChannelsCollection.Name)]
public class WeChatRuleTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    static JsonElement WeChat(JsonElement view) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "wechat");

    static string Api(JsonElement e) => e.GetProperty("api").GetString()!;

    static string Outcome(JsonElement e) => e.GetProperty("outcome").GetString()!;

    async Task<JsonElement> PublishAsync(string prefix, Func<Channels.Publishing.Items.PublicationItem,
        Channels.Publishing.Items.PublicationItem>? change = null)
    {
        var item = Items.Approved(prefix) with { Channels = ["wechat"] };
        if (change is not null) item = change(item);
        await host.PostAsync(item);
        return await host.WaitFinalAsync(item.Id);
    }

    [Theory]
    [InlineData("draft/add", 40164, "IP 白名单")]
    [InlineData("draft/add", 48001, "接口未授权")]
    [InlineData("draft/add", 40243, "冻结")]
    [InlineData("stable_token", 40125, "AppSecret")]
    [InlineData("stable_token", 40013, "AppID")]
    public async Task CredentialOrConfigurationError_FailsAtOnceWithChineseReason_NoRetry(string api, int code, string hint)
    {
        if (api == "stable_token") await host.ExpireWeChatTokensAsync();
        await host.InjectAsync(new { channel = "wechat", api, kind = "error", code, count = 5 });

        var view = await PublishAsync("wxcred");

        var wechat = WeChat(view);
        Assert.Equal("credentials-expired", wechat.GetProperty("state").GetString());
        var error = wechat.GetProperty("error").GetString()!;
        Assert.Contains("凭据/配置", error, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
        Assert.Equal(1, wechat.GetProperty("attempts").GetInt32());
        Assert.Equal(1, Assert.Single(await host.FaultsAsync()).GetProperty("hits").GetInt32());
        Assert.DoesNotContain(await host.JournalAsync("wechat", view.GetProperty("id").GetString()!), e => Outcome(e) == "ok");
    }

    [Fact]
    public async Task ExpiredToken_RefreshedOnceAndDeliveredOnce()
    {
        Assert.Equal("delivered", (await PublishAsync("wxwarm")).GetProperty("status").GetString());
        await host.ExpireWeChatTokensAsync();
        var mark = await host.JournalMarkAsync();

        var view = await PublishAsync("wxexpired");

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var after = (await host.JournalAllAsync("wechat")).Where(e => e.GetProperty("seq").GetInt64() > mark).ToList();
        Assert.Single(after, e => Api(e) == "stable_token");
        Assert.Equal(["42001", "ok"], after.Where(e => Api(e) == "draft/add").Select(Outcome));
        Assert.Single(after, e => Api(e) == "freepublish/submit");
        Assert.Equal(1, WeChat(view).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task DefaultCover_UploadedOnceAsPermanentThumb_AndUsedByEveryDraft()
    {
        var first = await PublishAsync("wxcover1");
        var second = await PublishAsync("wxcover2");

        var uploads = (await host.JournalAllAsync("wechat")).Where(e => Api(e) == "material/add_material" && Outcome(e) == "ok").ToList();
        var upload = Assert.Single(uploads);
        Assert.Equal("thumb", upload.GetProperty("detail").GetProperty("type").GetString());
        var thumb = upload.GetProperty("platformId").GetString();
        foreach (var view in new[] { first, second })
        {
            Assert.Equal("delivered", view.GetProperty("status").GetString());
            // Only the accepted draft: a token rejection before it (42001, retried after a forced refresh) is another rule's business.
            var journal = await host.JournalAsync("wechat", view.GetProperty("id").GetString()!);
            var draft = Assert.Single(journal, e => Api(e) == "draft/add" && Outcome(e) == "ok");
            Assert.Equal(thumb, draft.GetProperty("detail").GetProperty("thumb_media_ids")[0].GetString());
        }
    }

    [Fact]
    public async Task SanitisedBodyOver20000Chars_FailsWithReason_NothingSent()
    {
        var body = "<p>" + string.Concat(Enumerable.Repeat("甲&乙 ", 4000)) + "</p>";
        var view = await PublishAsync("wxlong", i => i with { Body = body });

        var wechat = WeChat(view);
        Assert.Equal("failed", wechat.GetProperty("state").GetString());
        Assert.Contains("2万字", wechat.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.JournalAsync("wechat", view.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task SubmitResponseLost_RetryFindsThePublication_NoSecondSubmit()
    {
        await host.InjectAsync(new { channel = "wechat", api = "freepublish/submit", kind = "drop-after-commit", count = 1 });
        var before = (await host.StatisticsAsync(2017)).GetProperty("wechat").GetProperty("articles").GetInt32();

        var view = await PublishAsync("wxlostsubmit");

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var journal = await host.JournalAsync("wechat", view.GetProperty("id").GetString()!);
        var submit = Assert.Single(journal, e => Api(e) == "freepublish/submit");
        Assert.Equal(submit.GetProperty("detail").GetProperty("article_id").GetString(), WeChat(view).GetProperty("platformId").GetString());
        Assert.Single(journal, e => Api(e) == "draft/add");
        Assert.StartsWith("https://mp.weixin.qq.com/s/", WeChat(view).GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, (await host.StatisticsAsync(2017)).GetProperty("wechat").GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task DraftResponseLost_RetryReusesTheDraft_NoSecondDraft()
    {
        await host.InjectAsync(new { channel = "wechat", api = "draft/add", kind = "drop-after-commit", count = 1 });
        var mark = await host.JournalMarkAsync();

        var view = await PublishAsync("wxlostdraft");

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var journal = await host.JournalAsync("wechat", view.GetProperty("id").GetString()!);
        var draft = Assert.Single(journal, e => Api(e) == "draft/add");
        var submit = Assert.Single(journal, e => Api(e) == "freepublish/submit");
        Assert.Equal(draft.GetProperty("platformId").GetString(), submit.GetProperty("detail").GetProperty("media_id").GetString());
        Assert.Contains(await host.JournalAllAsync("wechat"), e => e.GetProperty("seq").GetInt64() > mark && Api(e) == "draft/batchget");
    }
}
