using System.Net;
using System.Text.Json;
using Channels.IntegrationTests.Columns;
using Microsoft.Playwright;

namespace Channels.IntegrationTests.Browser;

/// <summary>
/// The generated site pages (home, column, item) against WCAG 2.1 AA — the level GB/T 37668-2019 takes over for web
/// content — with axe-core (tools/axe, installed by ./channels test from its lock file) in Debian's Chromium, plus the
/// keyboard path: the first Tab lands on the skip link, which leads to the main content. Any violation fails the test
/// and is listed with its rule and elements.
/// </summary>
[Collection(DistrictCollection.Name)]
public class AccessibilityTests(DistrictHost host)
{
    static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static string AxePath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "tools", "axe", "node_modules", "axe-core", "axe.min.js");
                if (File.Exists(Path.Combine(dir.FullName, "tools", "axe", "package.json")))
                {
                    return File.Exists(path) ? path : throw new InvalidOperationException(
                        $"axe-core is not installed at {path}: run ./channels test (or npm ci in tools/axe)");
                }
            }

            throw new InvalidOperationException("tools/axe not found above the test output");
        }
    }

    [Fact]
    public async Task SitePages_PassWcag21AA_AndTheSkipLinkLeadsToMain()
    {
        var item = DistrictHost.Item("a11y", new DateTimeOffset(2021, 5, 6, 9, 0, 0, TimeSpan.FromHours(8)), "镇街动态", "规范性文件") with
        {
            Body = "<h2>一、总则</h2><p>为做好……</p><p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"示意图\"></p><h2>二、附则</h2><p>本通知自发布之日起施行。</p>",
        };
        using (var response = await host.PostAsync(item)) Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());

        var axe = AxePath;
        await using var session = await BrowserSession.StartAsync();
        var failures = new List<string>();
        foreach (var path in new[] { "index.html", $"items/{item.Id}.html", "columns/zjdt/index.html", "columns/gfxwj/index.html" })
        {
            var page = await session.NewPageAsync(bypassCsp: true);
            var response = await page.GotoAsync($"{host.BaseUrl.TrimEnd('/')}/site/{path}");
            Assert.Equal(200, response!.Status);
            await page.AddScriptTagAsync(new() { Path = axe });
            var result = await page.EvaluateAsync<JsonElement>(
                "async tags => { const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });"
                + " return { violations: r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })), passes: " +
                    "r.passes.length }; }",
                Tags);
            Assert.True(result.GetProperty("passes").GetInt32() > 5, $"{path}: axe ran no checks");
            foreach (var v in result.GetProperty("violations").EnumerateArray())
            {
                failures.Add($"{path}: {v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}) at {v.GetProperty("nodes")}");
            }

            await KeyboardAsync(page, path);
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The checker itself: a page with an image without alt text and grey-on-white small text must fail.</summary>
    [Fact]
    public async Task Axe_FindsViolations_OnABadPage()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(bypassCsp: true);
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
            + "<p style=\"color:#bbb;font-size:12px\">说明文字</p></body></html>");
        await page.AddScriptTagAsync(new() { Path = AxePath });
        var ids = await page.EvaluateAsync<string[]>(
            "async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map(v => v.id)", Tags);
        Assert.Contains("image-alt", ids);
        Assert.Contains("color-contrast", ids);
        Assert.Contains("html-has-lang", ids);
    }

    static async Task KeyboardAsync(IPage page, string path)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(
            await page.EvaluateAsync<bool>("(() => { const r = document.activeElement.getBoundingClientRect(); return r.left >= 0 && r.width > 0; })()"),
            $"{path}: the focused skip link is not visible");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
        Assert.Equal(1, await page.Locator("header").CountAsync());
        Assert.Equal(1, await page.Locator("footer").CountAsync());
    }
}
