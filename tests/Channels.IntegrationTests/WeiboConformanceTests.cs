using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Channels.Weibo;
using Channels.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>A sandbox of its own with the default safe domains (the district's site only, no loopback).</summary>
public sealed class WeiboSandbox : IAsyncLifetime
{
    WebApplication? app;

    public HttpClient Http { get; private set; } = null!;

    public WeiboClient Client(string rip = "20.0.0.1") => new(new HttpClient { BaseAddress = new Uri(Http.BaseAddress!, "/weibo/") },
        Options.Create(new WeiboOptions
        {
            BaseUrl = new Uri(Http.BaseAddress!, "/weibo/").ToString(), Rip = rip,
            AccessToken = Channels.Publishing.Configuration.SandboxProfile.Settings["Channels:Weibo:AccessToken"],
        }));

    public async Task InitializeAsync()
    {
        app = SandboxApp.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null) await app.DisposeAsync();
    }
}

/// <summary>
/// Weibo's statuses/share rules, table-driven: each rule (with its source) → what the sandbox answers over real HTTP →
/// what our client does (its length count agrees, it builds no status the rule refuses, a refusal is permanent with a
/// Chinese reason). Sources: https://open.weibo.com/wiki/2/statuses/share (140 汉字, no #话题词#, a link under the bound
/// 安全域名, rip required); Sina STK kit.extra.count (how 140 is counted); 10017 "appkey not bind domain!" as reported at
/// https://blog.csdn.net/qq_35241831/article/details/120436206.
/// </summary>
public sealed class WeiboConformanceTests(WeiboSandbox sandbox) : IClassFixture<WeiboSandbox>
{
    const string Site = "http://www.furong.gov.cn/site/items/2017/";

    /// <summary>A rule: the status sent, the sandbox's answer (null = posted), and whether our counter says it fits.</summary>
    public static TheoryData<string, string, string?> Rules() => new()
    {
        // 140 counts two half-width characters as one: 258 'a' + space + link (20 bytes) = 279 bytes = 140.
        { "half-width-fits", new string('a', 258) + " " + Site + "1.html", null },
        { "half-width-over", new string('b', 260) + " " + Site + "2.html", "20012" },
        { "hanzi-over", new string('中', 140) + " " + Site + "3.html", "20012" },
        { "hanzi-fits", new string('文', 129) + " " + Site + "4.html", null },
        // A link up to 140 bytes counts 20 bytes (10 汉字) however long it is.
        { "long-link-counts-10", new string('长', 129) + " " + Site + new string('x', 80) + ".html", null },
        { "link-over-140-bytes", new string('超', 129) + " " + Site + new string('y', 120) + ".html", "20012" },
        // The link must be under the app's bound safe domain (a subdomain counts); loopback only when configured.
        { "safe-subdomain", "芙蓉区政务公开 http://zwgk.www.furong.gov.cn/a.html", null },
        { "loopback-unbound", "芙蓉区政务公开 http://127.0.0.1:7071/site/items/2017/5.html", "10017" },
        { "no-link", "芙蓉区政务公开：今日无链接", "10017" },
        { "topic", "#防汛# 芙蓉区政务公开 " + Site + "6.html", "10008" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Rule_SandboxAnswersAsTheSourceSays_ClientAgrees(string rule, string status, string? refusal)
    {
        WeiboApiException? refused = null;
        try
        {
            await sandbox.Client().ShareAsync(status, CancellationToken.None);
        }
        catch (WeiboApiException e)
        {
            refused = e;
        }

        var answered = refused?.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(refusal == answered, $"{rule}: sandbox answered {refused?.Message ?? "ok"}");
        if (refusal == "20012" || refusal is null) Assert.Equal(refusal is null, WeiboTextLength.Fits(status)); // the client counts the same
        if (refused is not null)
        {
            Assert.True(refused.IsPermanent, $"{rule}: {refused.Code} must not be retried");
            if (refusal is "10017" or "20012") Assert.NotNull(refused.ChineseReason);
        }
    }

    [Fact]
    public void Client_NeverSendsATopic_NorTooLongAText()
    {
        var item = SampleItem() with { Title = "#防汛# 通知", Summary = new string('雨', 300) };
        var status = WeiboPublisher.Status(item, Site + "7.html");
        Assert.DoesNotMatch("#[^#]+#", status);
        Assert.True(WeiboTextLength.Fits(status));
    }

    [Fact]
    public async Task Client_StatusOfALongItem_IsAcceptedBySandbox()
    {
        var item = SampleItem() with { Title = "关于做好2017年汛期防汛工作的通知 #应急#", Summary = "Furong District flood notice. " + new string('汛', 200) };
        var (id, _) = await sandbox.Client().ShareAsync(WeiboPublisher.Status(item, Site + "8.html"), CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public async Task Rip_Missing_10016_OurClientAlwaysSendsOne()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["access_token"] = new SandboxOptions().WeiboAccessToken, ["status"] = "芙蓉区政务公开 " + Site + "9.html",
        });
        using var response = await sandbox.Http.PostAsync("/weibo/2/statuses/share.json", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("10016", body.GetProperty("error_code").GetString());

        var (id, _) = await sandbox.Client(rip: "").ShareAsync("芙蓉区政务公开 " + Site + "9.html", CancellationToken.None); // sandbox: 127.0.0.1
        Assert.False(string.IsNullOrEmpty(id));
    }

    static Publishing.Items.PublicationItem SampleItem() => Items.Approved("wbconf");
}
