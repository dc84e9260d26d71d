using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Channels.IntegrationTests.Browser;

/// <summary>
/// The browser plumbing alone: Playwright, Debian's Chromium and the CJK fonts, against a page served on a free
/// loopback port. Independent of the Azurite/host collection fixture, so it runs in seconds.
/// </summary>
public sealed class BrowserSmokeTests
{
    const string Page = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>渠道发布</title>
        <style>body { font: 32px sans-serif; margin: 40px; } button { font: inherit; padding: 8px 24px; }</style></head>
        <body>
          <h1>渠道发布：浏览器冒烟测试</h1>
          <p>芙蓉区应急管理局提醒您：今晚有暴雨，请减少外出。</p>
          <button id="publish" onclick="this.textContent = '已发布'; document.getElementById('state').textContent = '状态：已发布到微博、微信和短信'">发布</button>
          <p id="state">状态：草稿</p>
        </body>
        </html>
        """;

    [Fact]
    public async Task Chromium_ClicksAButtonOnAChinesePage_AndTakesAScreenshot()
    {
        await using var server = await StartServerAsync();
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();

        await page.GotoAsync(server.Urls.First());
        Assert.Equal("渠道发布", await page.TitleAsync());
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("navigator.language"));
        Assert.Equal("发布", await page.Locator("#publish").TextContentAsync());

        await page.Locator("#publish").ClickAsync();

        Assert.Equal("已发布", await page.Locator("#publish").TextContentAsync());
        Assert.Equal("状态：已发布到微博、微信和短信", await page.Locator("#state").TextContentAsync());

        // Without a CJK font every Chinese character is the same empty box (tofu): two different ones must differ.
        Assert.True(await page.EvaluateAsync<bool>(DifferentGlyphs), "Chinese text renders as boxes: install fonts-noto-cjk");

        var shot = Path.Combine(Path.GetTempPath(), $"channels-smoke-{Guid.NewGuid():N}.png");
        try
        {
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            var png = await File.ReadAllBytesAsync(shot);
            Assert.True(png.Length > 10_000, $"screenshot is only {png.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            // For a human to look at.
            File.Copy(shot, Path.Combine(Path.GetTempPath(), "pw-smoke.png"), overwrite: true);
        }
        finally
        {
            File.Delete(shot);
        }
    }

    const string DifferentGlyphs = """
        () => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 64;
          const g = canvas.getContext('2d');
          const draw = text => {
            g.clearRect(0, 0, 64, 64);
            g.font = '48px sans-serif';
            g.fillText(text, 4, 52);
            return g.getImageData(0, 0, 64, 64).data.join(',');
          };
          return draw('发') !== draw('布');
        }
        """;

    static async Task<WebApplication> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        await app.StartAsync();
        return app;
    }
}
