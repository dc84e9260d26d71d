using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Channels.Publishing.Items;
using Microsoft.Playwright;

namespace Channels.IntegrationTests.Browser;

/// <summary>
/// A published issue and gazette opened in Chromium: the Chinese text must be drawn with the CJK fonts (Noto Serif
/// CJK SC for text, Noto Sans CJK SC for headings, asked of Chromium itself through CDP), and printing must give
/// A4 pages, one per document after the cover. Writes docs/bulletin-issue.png and docs/gazette.png when
/// CHANNELS_SCREENSHOT_DIR is set (else to the temp folder).
/// </summary>
[Collection(ChannelsCollection.Name)]
public sealed class BulletinPrintTests(ChannelsHost host)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    const string Body = "<p>根据《中华人民共和国土地管理法》和《湖南省实施〈中华人民共和国土地管理法〉办法》的规定，现将东岸街道马坡岭社区"
        + "集体土地征收补偿安置方案予以公告。</p><p>一、征收范围：东至远大路，南至浏阳河，西至人民东路，北至马坡岭路。</p>"
        + "<p>二、补偿标准：按照长沙市人民政府公布的征地补偿标准执行，地上附着物和青苗补偿费按实际核定。</p>"
        + "<p>三、被征收土地的所有权人、使用权人对本方案有异议的，可在公告之日起十个工作日内向区自然资源局书面提出。</p>";

    [Fact]
    public async Task Issue_PrintedInChromium_UsesCjkFontsAndOneA4PagePerDocument()
    {
        var land = BulletinTests.BulletinItem("print-a", new DateTimeOffset(2010, 7, 8, 9, 0, 0, China), ["东岸街道马坡岭社区公开栏", "区政务中心信息公告栏"])
            with { Title = "芙蓉区东岸街道马坡岭社区集体土地征收补偿安置方案公告", Body = Body, Publisher = "长沙市芙蓉区人民政府", DocumentNumber = "芙政征告〔2010〕12号" };
        var rule = BulletinTests.BulletinItem("print-b", new DateTimeOffset(2010, 7, 8, 15, 0, 0, China), ["区政务中心信息公告栏", "区政务服务中心电子信息屏"],
            DocumentCategories.NormativeDocument) with { Title = "芙蓉区城市居民最低生活保障实施办法",
                Body = "<p>第一条　为规范城市居民最低生活保障工作，根据国务院《社会救助暂行办法》，结合本区实际，制定本办法。</p><p>第二条　本办法适用于本区行政区域内城市居民最低生活保障的申请、审核、审批和管理。</p>", Publisher = "长沙市芙蓉区人民政府办公室",
                DocumentNumber = "芙政办发〔2010〕5号" };
        foreach (var item in new[] { land, rule }) await host.PostAsync(item);
        foreach (var item in new[] { land, rule }) Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());

        var bulletin = new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("bulletin");
        var issue = (await bulletin.GetBlobClient("2010-07-08/index.html").DownloadContentAsync()).Value.Content.ToString();
        var gazette = (await bulletin.GetBlobClient("2010/07/gazette.html").DownloadContentAsync()).Value.Content.ToString();

        // For a human to print: chromium --headless --print-to-pdf=issue.pdf $TMPDIR/bulletin-issue.html
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "bulletin-issue.html"), issue);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "gazette.html"), gazette);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.SetContentAsync(issue);

        Assert.Equal(["Noto Serif CJK SC"], await PlatformFontsAsync(page, ".doc .body p"));
        Assert.Equal(["Noto Sans CJK SC"], await PlatformFontsAsync(page, ".doc h1"));
        Assert.Equal(["Noto Sans CJK SC"], await PlatformFontsAsync(page, ".masthead"));
        Assert.True(await page.EvaluateAsync<bool>("() => getComputedStyle(document.querySelector('.bar')).display !== 'none'"));

        // Cover with contents and board summary, then one page per document (both are short).
        Assert.Equal(3, PageCount(await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true })));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.bar')).display"));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await SaveAsync(page, "bulletin-issue.png", fullPage: true);

        await page.SetContentAsync(gazette);
        Assert.Equal(["Noto Sans CJK SC"], await PlatformFontsAsync(page, ".gazette-title"));
        // Cover, contents, then the two documents.
        Assert.Equal(4, PageCount(await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true })));
        await SaveAsync(page, "gazette.png");
    }

    /// <summary>The fonts Chromium actually drew the element's text with (no fallback guessing: CSS.getPlatformFontsForNode).</summary>
    static async Task<string[]> PlatformFontsAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var root = (await cdp.SendAsync("DOM.getDocument"))!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = (await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root,
            ["selector"] = selector }))!.Value.GetProperty("nodeId").GetInt32();
        var fonts = (await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = node }))!.Value.GetProperty("fonts");
        await cdp.DetachAsync();
        return [.. fonts.EnumerateArray().Select(f => f.GetProperty("familyName").GetString()!).Distinct()];
    }

    static int PageCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?!s)").Count;

    static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        var dir = Environment.GetEnvironmentVariable("CHANNELS_SCREENSHOT_DIR") is { Length: > 0 } d ? d : Path.GetTempPath();
        await page.SetViewportSizeAsync(900, 1200);
        var bytes = await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name), FullPage = fullPage });
        Assert.True(bytes.Length > 20_000);
    }
}
