using Microsoft.Playwright;

namespace Channels.IntegrationTests.Browser;

/// <summary>
/// Playwright driving Debian's Chromium, headless. Playwright never downloads a browser here: the executable is
/// <c>/usr/bin/chromium</c> (or <c>CHANNELS_CHROMIUM</c>), which <c>./channels test</c> installs with the CJK fonts.
/// The driver (Node and playwright-core) comes from the NuGet package's <c>.playwright</c> folder in the test output.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    readonly IPlaywright playwright;
    readonly IBrowser browser;

    BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHANNELS_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    /// <summary>Starts Playwright and Chromium; a missing Chromium is an error, never a skipped test.</summary>
    public static async Task<BrowserSession> StartAsync()
    {
        var chromium = ChromiumPath;
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}: browser tests need Debian's Chromium and CJK fonts " +
                "(apt-get install chromium fonts-noto-cjk, which ./channels test does), or CHANNELS_CHROMIUM set to a Chromium binary.");

        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright gives Chromium a fresh temporary profile (--user-data-dir) and removes it on close.
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
            return new BrowserSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A page in its own context: 1280x900, locale zh-CN. <paramref name="bypassCsp"/> lets a test inject its own checker
    /// script (axe-core) into our pages, whose Content-Security-Policy allows no script at all.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "zh-CN",
            BypassCSP = bypassCsp,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
