using System.Net;
using System.Text.Json;
using Channels.Publishing.Items;
using Microsoft.Playwright;

namespace Channels.IntegrationTests.Browser;

/// <summary>
/// The dashboard in headless Chromium against the real local host: an admin finds a failed delivery from the page
/// alone, reads the reason, presses retry and sees it delivered; retracts from the page and the website page is gone.
/// </summary>
[Collection(ChannelsCollection.Name)]
public sealed class DashboardTests(ChannelsHost host) : IAsyncLifetime
{
    BrowserSession browser = null!;

    public async Task InitializeAsync()
    {
        await host.ClearFaultsAsync();
        browser = await BrowserSession.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.ClearFaultsAsync();
        await browser.DisposeAsync();
    }

    async Task<IPage> OpenAsAdminAsync()
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{host.BaseUrl}/dashboard/#key={ChannelsHost.AdminKey}");
        await Assertions.Expect(page.Locator("#role")).ToContainTextAsync("管理员");
        Assert.DoesNotContain(ChannelsHost.AdminKey, page.Url, StringComparison.Ordinal);
        return page;
    }

    static async Task FindAsync(IPage page, string id)
    {
        await page.FillAsync("#f-q", id);
        await page.ClickAsync("#f-submit");
        await Assertions.Expect(page.Locator($"#pub-table tr[data-id=\"{id}\"]")).ToBeVisibleAsync();
    }

    static ILocator Badge(IPage page, string id, string channel) =>
        page.Locator($"#pub-table tr[data-id=\"{id}\"] span.badge[data-channel=\"{channel}\"]");

    [Fact]
    public async Task Admin_SeesFailureAndReason_PressesRetry_SeesDelivered_ThenRetractsFromThePage()
    {
        var page = await OpenAsAdminAsync();
        await host.InjectAsync(new { channel = "weibo", api = "statuses/share", kind = "error", code = 20012, count = 1 });
        var item = Items.Approved("ui") with { Channels = ["website", "weibo"] };
        using (var submitted = await host.PostAsync(item)) Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);

        await FindAsync(page, item.Id);
        await Assertions.Expect(Badge(page, item.Id, "website")).ToHaveAttributeAsync("data-state", "delivered", new() { Timeout = 30_000 });
        await Assertions.Expect(Badge(page, item.Id, "weibo")).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = 30_000 });
        await Assertions.Expect(Badge(page, item.Id, "weibo")).ToHaveTextAsync("失败");

        await page.ClickAsync($"#pub-table tr[data-id=\"{item.Id}\"]");
        var weiboRow = page.Locator("#detail [data-channel-row=\"weibo\"]");
        await Assertions.Expect(weiboRow.Locator(".error")).ToContainTextAsync("微博平台拒绝");
        await weiboRow.Locator("button.retry[data-channel=\"weibo\"]").ClickAsync();

        await Assertions.Expect(Badge(page, item.Id, "weibo")).ToHaveAttributeAsync("data-state", "delivered", new() { Timeout = 30_000 });
        await Assertions.Expect(weiboRow.Locator(".badge[data-state]")).ToHaveAttributeAsync("data-state", "delivered");
        await Assertions.Expect(page.Locator("#history li")).Not.ToHaveCountAsync(0);
        Assert.Single(await host.JournalAsync("weibo", item.Id), e => e.GetProperty("outcome").GetString() == "ok");
        await SaveScreenshotAsync(page);

        await page.ClickAsync("#retract-open");
        await page.FillAsync("#retract-reason", "标题有误，撤回后重新发布");
        await page.ClickAsync("#retract-submit");
        await Assertions.Expect(Badge(page, item.Id, "website")).ToHaveAttributeAsync("data-state", "retracted", new() { Timeout = 30_000 });
        using var gone = await host.Api.GetAsync($"/site/items/{item.Id}.html");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Editor_PublishesThroughThePage_BadgesTurnDelivered_NoAdminButtons()
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{host.BaseUrl}/dashboard/");
        await page.FillAsync("#key-input", "not-a-key");
        await page.ClickAsync("#key-submit");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("密钥无效");
        await page.FillAsync("#key-input", ChannelsHost.EditorKey);
        await page.ClickAsync("#key-submit");
        await Assertions.Expect(page.Locator("#role")).ToContainTextAsync("编辑");

        // Dated now: an editor may not backdate (that is an admin's import; the page shows that refusal in Chinese). Website and
        // Weibo: a WeChat post dated now would make the account fresh, which RulesTests expects it never is.
        var item = Items.Approved("uipub", DateTimeOffset.UtcNow.AddMinutes(-1)) with { Channels = ["website", "weibo"], Sms = null };
        await page.FillAsync("#publish-json", JsonSerializer.Serialize(item, ChannelsJson.Options));
        await page.ClickAsync("#publish-submit");
        await Assertions.Expect(page.Locator("#publish-result")).ToContainTextAsync(item.Id);

        await FindAsync(page, item.Id);
        foreach (var channel in item.Channels)
        {
            await Assertions.Expect(Badge(page, item.Id, channel)).ToHaveAttributeAsync("data-state", "delivered", new() { Timeout = 30_000 });
        }

        await page.ClickAsync($"#pub-table tr[data-id=\"{item.Id}\"]");
        await Assertions.Expect(page.Locator("#detail [data-channel-row=\"weibo\"]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#retract-open")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator("button.retry").CountAsync());
    }

    [Fact]
    public async Task Editor_BringsAScheduledItemForwardFromTheQueue_ItGoesOut()
    {
        var at = DateTimeOffset.UtcNow.AddHours(3).ToOffset(TimeSpan.FromHours(8));
        var item = Items.Approved("uiqueue", at) with { Channels = ["website"] };
        item = item with { Approval = item.Approval! with { ApprovedAt = DateTimeOffset.UtcNow.AddMinutes(-10) } };
        using (var submitted = await host.PostAsync(item)) Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        await host.WaitStatusAsync(item.Id, "scheduled");

        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{host.BaseUrl}/dashboard/#key={ChannelsHost.EditorKey}");
        var row = page.Locator($"#queue-table tr[data-id=\"{item.Id}\"]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.Locator("button.reschedule").ClickAsync();
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#reschedule-at", now);
        await page.FillAsync("#reschedule-reason", "提前发布");
        await page.ClickAsync("#reschedule-submit");

        Assert.Equal("delivered", (await host.WaitStatusAsync(item.Id, "delivered")).GetProperty("status").GetString());
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#rules-section")).ToBeVisibleAsync();
    }

    /// <summary>The README's screenshot: written to CHANNELS_SCREENSHOT_DIR when set (docs/ when refreshing it), else to the temp folder.</summary>
    static async Task SaveScreenshotAsync(IPage page)
    {
        var dir = Environment.GetEnvironmentVariable("CHANNELS_SCREENSHOT_DIR") is { Length: > 0 } d ? d : Path.GetTempPath();
        await page.FillAsync("#year", "2017");
        await page.PressAsync("#year", "Enter");
        await Assertions.Expect(page.Locator("#counts text.count").First).Not.ToHaveTextAsync("0");
        await page.SetViewportSizeAsync(1280, 2200);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var bytes = await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "dashboard.png") });
        Assert.True(bytes.Length > 20_000);
    }
}
