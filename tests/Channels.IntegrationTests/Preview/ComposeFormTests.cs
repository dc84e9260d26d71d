using System.Globalization;
using System.Text.Json;
using Channels.Tests.Attachments;
using Channels.IntegrationTests.Browser;
using Microsoft.Playwright;

namespace Channels.IntegrationTests.Preview;

/// <summary>
/// The 撰写发布 form in headless Chromium against the real host: an editor composes a five-channel item without JSON
/// (body pasted from Word), sees every channel's preview, fixes the flagged WeChat title, submits, and watches the
/// item delivered on all five channels — plus WCAG 2.1 AA (axe-core) on the form, the keyboard path and the tablet width.
/// </summary>
[Collection(PreviewCollection.Name)]
public sealed class ComposeFormTests(PreviewHost host) : IAsyncLifetime
{
    static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    static readonly string[] AllChannels = ["website", "wechat", "weibo", "sms", "bulletin"];

    /// <summary>What Word (Microsoft Word 16, zh-CN) puts on the clipboard as text/html: namespaced tags, mso styles, empty paragraphs, a table.</summary>
    public const string WordClipboard = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
        <head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
        <style><!-- p.MsoNormal, li.MsoNormal {mso-style-unhide:no; margin:0cm; font-size:10.5pt; font-family:等线;} --></style>
        <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
        <body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word'><!--StartFragment-->
        <p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>各街道、各有关单位：入汛以来
        降雨偏多，请做好防汛准备。<o:p></o:p></span></p>
        <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
         <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'><td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'>
          <p class=MsoNormal><b><span style='font-family:黑体'>街道</span></b><o:p></o:p></p></td>
          <td width=277 valign=top style='width:207.4pt'><p class=MsoNormal><b>值班电话</b></p></td></tr>
         <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'><td width=277 valign=top><p class=MsoNormal>定王台街道<o:p></o:p></p></td>
          <td width=277 valign=top><p class=MsoNormal><span lang=EN-US>0731-84683088</span></p></td></tr>
        </table>
        <p class=MsoNormal style='text-indent:32.0pt'>特此通知。<o:p></o:p></p>
        <!--EndFragment--></body></html>
        """;

    BrowserSession browser = null!;

    public async Task InitializeAsync() => browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await browser.DisposeAsync();

    static string ChinaLocal(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    static Task PasteAsync(IPage page, string html) => page.EvaluateAsync("""
        html => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          data.setData('text/plain', '纯文本');
          const editor = document.querySelector('#c-body-editor');
          editor.focus();
          editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """, html);

    async Task<IPage> OpenAsEditorAsync()
    {
        var page = await browser.NewPageAsync(bypassCsp: true); // only so that axe can be injected; the page itself loads no inline script
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{host.BaseUrl}/dashboard/#key={ChannelsHost.EditorKey}");
        await Assertions.Expect(page.Locator("#compose-section")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[name=\"columns\"][value=\"通知公告\"]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("input[name=\"channels\"][value=\"website\"]")).ToBeCheckedAsync();
        return page;
    }

    [Fact]
    public async Task Editor_ComposesFromWord_SeesPreviews_FixesTheWeChatTitle_Submits_AndSeesItDeliveredEverywhere()
    {
        var page = await OpenAsEditorAsync();
        var id = await page.InputValueAsync("[name=\"id\"]");
        Assert.Matches("^pub-[0-9]{8}-[0-9]{6}-[a-z0-9]+$", id);
        var title = $"关于做好2026年汛期防汛抗旱和地质灾害防治工作的紧急通知（{id[^4..]}）"; // over WeChat's 32 characters

        await page.FillAsync("[name=\"title\"]", title);
        await PasteAsync(page, WordClipboard);
        var body = Tight(await page.EvaluateAsync<string>("document.querySelector('[name=\"body\"]').value"));
        Assert.Contains("<p>各街道、各有关单位：入汛以来降雨偏多，请做好防汛准备。</p>", body, StringComparison.Ordinal);
        Assert.Contains("<table>", body, StringComparison.Ordinal);
        Assert.Contains("<td><p><strong>街道</strong></p></td>", body, StringComparison.Ordinal);
        Assert.Contains("0731-84683088", body, StringComparison.Ordinal);
        Assert.Contains("<p>特此通知。</p>", body, StringComparison.Ordinal);
        foreach (var junk in new[] { "mso", "o:p", "class=", "style=", "<span", "<!--", "&nbsp;", "font" })
            Assert.DoesNotContain(junk, body, StringComparison.OrdinalIgnoreCase);

        await page.FillAsync("[name=\"summary\"]", "请各街道做好汛期防汛准备。");
        await page.FillAsync("#c-columns-filter", "应急");
        await Assertions.Expect(page.Locator("label.column-choice:has(input[value=\"通知公告\"])")).ToBeHiddenAsync();
        await page.CheckAsync("input[name=\"columns\"][value=\"应急管理\"]");
        await page.FillAsync("#c-columns-filter", "");
        await page.CheckAsync("input[name=\"columns\"][value=\"通知公告\"]");
        await Assertions.Expect(page.Locator("#c-columns-chosen")).ToHaveTextAsync("已选：通知公告、应急管理");
        await page.FillAsync("[name=\"publisher\"]", "芙蓉区防汛抗旱指挥部办公室");
        await page.FillAsync("[name=\"documentNumber\"]", "芙防指〔2026〕3号");
        foreach (var channel in AllChannels) await page.CheckAsync($"input[name=\"channels\"][value=\"{channel}\"]");
        await page.FillAsync("[name=\"sms.text\"]", "请做好防汛准备。");
        await page.FillAsync("[name=\"sms.audience\"]", "13800000011\n+8613800000012");
        await page.FillAsync("[name=\"bulletin.boards\"]", "区政务中心信息公告栏\n定王台街道公开栏");
        await page.FillAsync("[name=\"approval.author\"]", "李明");
        await page.FillAsync("[name=\"approval.reviewer\"]", "王芳");
        await page.FillAsync("[name=\"approval.approver\"]", "张伟");
        await page.FillAsync("[name=\"approval.approvedAt\"]", ChinaLocal(DateTimeOffset.UtcNow.AddMinutes(-30)));
        await page.CheckAsync("[name=\"approval.confidentialityReview.passed\"]");

        // 附件: chosen, uploaded at once, listed with its size; a file that is not what its name says is refused in Chinese.
        await page.SetInputFilesAsync("[name=\"attachments\"]", new FilePayload
        {
            Name = "防汛值班安排表.pdf", MimeType = "application/pdf", Buffer = AttachmentSamples.Pdf(id),
        });
        await Assertions.Expect(page.Locator("#c-attach-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#c-attach-list li .name")).ToHaveTextAsync("防汛值班安排表.pdf");
        await Assertions.Expect(page.Locator("#c-attach-status")).ToContainTextAsync("已上传：防汛值班安排表.pdf");
        await page.SetInputFilesAsync("[name=\"attachments\"]", new FilePayload
        {
            Name = "说明.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, .. System.Text.Encoding.ASCII.GetBytes(id)],
        });
        await Assertions.Expect(page.Locator("#c-attach-status")).ToContainTextAsync("未能上传“说明.pdf”");
        Assert.Matches("[\u4e00-\u9fff]", await page.TextContentAsync("#c-attach-status") ?? "");
        await Assertions.Expect(page.Locator("#c-attach-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.FrameLocator("[data-channel-preview=\"website\"] iframe").Locator("body")).ToContainTextAsync("防汛值班安排表.pdf");

        // The preview flags the title at its field, in Chinese, and names the way out; submitting is not possible yet.
        var titleProblem = page.Locator("[data-field=\"title\"] .field-error");
        await Assertions.Expect(titleProblem).ToContainTextAsync("超过微信图文标题32个字的上限");
        await Assertions.Expect(titleProblem).ToContainTextAsync("wechat.title");
        await Assertions.Expect(page.Locator("[name=\"title\"]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#c-submit")).ToBeDisabledAsync();

        // Every channel's preview is there meanwhile.
        var weiboText = page.Locator("[data-channel-preview=\"weibo\"] [data-pv=\"weibo-text\"]");
        await Assertions.Expect(weiboText).ToContainTextAsync($"【{title}】");
        await Assertions.Expect(weiboText).ToContainTextAsync($"/items/{id}.html");
        await Assertions.Expect(page.Locator("[data-channel-preview=\"sms\"] [data-pv=\"sms-text\"]")).ToContainTextAsync("】");
        await Assertions.Expect(page.Locator("[data-channel-preview=\"sms\"] [data-pv=\"sms-meta\"]")).ToContainTextAsync("接收 2 人");
        await Assertions.Expect(page.FrameLocator("[data-channel-preview=\"website\"] iframe").Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.FrameLocator("[data-channel-preview=\"website\"] iframe").Locator(".body table td").First).ToContainTextAsync("街道");
        await Assertions.Expect(page.FrameLocator("[data-channel-preview=\"bulletin\"] iframe").Locator("body")).ToContainTextAsync("定王台街道公开栏");

        // The fix: a short WeChat title. The problem goes, the phone frame shows the short title, submitting is possible.
        await page.FillAsync("[name=\"wechat.title\"]", "关于做好汛期防汛工作的紧急通知");
        await Assertions.Expect(titleProblem).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#c-submit")).ToBeEnabledAsync();
        await Assertions.Expect(page.FrameLocator("[data-channel-preview=\"wechat\"] iframe").Locator("h1")).ToHaveTextAsync("关于做好汛期防汛工作的紧急通知");
        await Assertions.Expect(page.FrameLocator("[data-channel-preview=\"wechat\"] iframe").Locator(".content table")).ToHaveCountAsync(1);

        await AssertAccessibleAsync(page);
        await AssertKeyboardAsync(page);
        await SaveScreenshotAsync(page);
        await AssertTabletAsync(page);

        await page.ClickAsync("#c-submit");
        await Assertions.Expect(page.Locator("#c-result")).ToContainTextAsync("已受理");
        await Assertions.Expect(page.Locator("#detail")).ToHaveAttributeAsync("data-id", id);
        foreach (var channel in AllChannels)
        {
            await Assertions.Expect(page.Locator($"#detail [data-channel-row=\"{channel}\"] .badge[data-state]"))
                .ToHaveAttributeAsync("data-state", "delivered", new() { Timeout = 60_000 });
        }

        var view = await host.WaitFinalAsync(id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var item = view.GetProperty("item");
        Assert.Equal(title, item.GetProperty("title").GetString());
        Assert.Equal("关于做好汛期防汛工作的紧急通知", item.GetProperty("wechat").GetProperty("title").GetString());
        Assert.Equal(["通知公告", "应急管理"], item.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("张伟", item.GetProperty("approval").GetProperty("approver").GetString());
        Assert.Equal(["区政务中心信息公告栏", "定王台街道公开栏"], item.GetProperty("bulletin").GetProperty("boards").EnumerateArray().Select(c => c.GetString()));
        var attachment = Assert.Single(item.GetProperty("attachments").EnumerateArray());
        Assert.Equal("防汛值班安排表.pdf", attachment.GetProperty("name").GetString());
        using (var sitePage = await host.Api.GetAsync($"/site/items/{id}.html"))
            Assert.Contains("防汛值班安排表.pdf", await sitePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A fresh form for the next item: new id, nothing carried over.
        Assert.NotEqual(id, await page.InputValueAsync("[name=\"id\"]"));
        Assert.Equal("", await page.InputValueAsync("[name=\"title\"]"));
    }

    [Fact]
    public async Task PasteCleaner_KeepsStructure_DropsWordMarkup_AndTheServerAgrees()
    {
        var page = await OpenAsEditorAsync();
        var clean = Tight(await page.EvaluateAsync<string>("html => window.ChannelsCompose.cleanHtml(html)", WordClipboard));
        Assert.Equal(
            "<p>各街道、各有关单位：入汛以来降雨偏多，请做好防汛准备。</p><table><tbody><tr><td><p><strong>街道</strong></p></td>"
                + "<td><p><strong>值班电话</strong></p></td></tr><tr><td><p>定王台街道</p></td><td><p>0731-84683088</p></td></tr></tbody></table>"
                + "<p>特此通知。</p>",
            clean);

        // The server's sanitiser (the preview) keeps what the editor kept: the paragraphs and the table reach the website page.
        var preview = await PreviewApiTests.PreviewAsync(host, PreviewApiTests.Today("pvpaste") with { Body = clean, Channels = ["website"] },
            ChannelsHost.EditorKey);
        var page0 = preview.GetProperty("channels").GetProperty("website").GetProperty("html").GetString()!;
        Assert.Contains(clean, Tight(page0), StringComparison.Ordinal);
        var hostile = await page.EvaluateAsync<string>("html => window.ChannelsCompose.cleanHtml(html)",
            "<p onclick=\"x()\">甲<img src=\"file:///C:/x.png\" onerror=\"x()\"><a href=\"javascript:x()\">乙</a><script>x()</script></p>");
        Assert.Equal("<p>甲<a>乙</a></p>", hostile);
    }

    /// <summary>Markup without the whitespace between tags (the clipboard's line breaks).</summary>
    static string Tight(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><").Trim();

    static async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AccessibilityTests.AxePath });
        var result = await page.EvaluateAsync<JsonElement>(
            "async tags => { const r = await axe.run('#compose-section', { runOnly: { type: 'tag', values: tags } });"
            + " return { violations: r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })),"
            + " passes: r.passes.length }; }",
            Tags);
        Assert.True(result.GetProperty("passes").GetInt32() > 5, "axe ran no checks");
        var violations = result.GetProperty("violations").EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}) at {v.GetProperty("nodes")}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Tab goes from the title to the body editor and on to the summary; every control of the form has a name a screen reader reads.</summary>
    static async Task AssertKeyboardAsync(IPage page)
    {
        await page.FocusAsync("[name=\"title\"]");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("c-body-editor", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab"); // the HTML source toggle, then the summary
        Assert.Equal("summary", await page.EvaluateAsync<string>("document.activeElement.name"));
    }

    /// <summary>At 768 px (a tablet held upright) nothing overflows sideways and the previews follow the form.</summary>
    static async Task AssertTabletAsync(IPage page)
    {
        await page.SetViewportSizeAsync(768, 1024);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 768 px");
        Assert.True(await page.EvaluateAsync<bool>(
            "document.querySelector('#compose-preview').getBoundingClientRect().top >= document.querySelector('#compose-form').getBoundingClientRect().bottom"),
            "at 768 px the previews should be below the form");
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>docs/compose.png: written to CHANNELS_SCREENSHOT_DIR when set (docs/ when refreshing it), else to the temp folder.</summary>
    static async Task SaveScreenshotAsync(IPage page)
    {
        var dir = Environment.GetEnvironmentVariable("CHANNELS_SCREENSHOT_DIR") is { Length: > 0 } d ? d : Path.GetTempPath();
        // The whole section in one viewport (so the sticky header and preview column stay where they belong), clipped to it.
        var height = await page.EvaluateAsync<int>("Math.ceil(document.querySelector('#compose-section').getBoundingClientRect().height) + 80");
        await page.SetViewportSizeAsync(1280, Math.Max(900, height));
        await page.EvaluateAsync("() => { window.scrollTo(0, 0); document.activeElement?.blur(); }");
        await page.WaitForTimeoutAsync(2000); // the preview frames (other processes: sandboxed) repaint at the new size
        var box = (await page.Locator("#compose-section").BoundingBoxAsync())!;
        var bytes = await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(dir, "compose.png"), FullPage = true, Clip = new() { X = box.X, Y = box.Y, Width = box.Width, Height = box.Height },
        });
        Assert.True(bytes.Length > 20_000);
        await page.SetViewportSizeAsync(1280, 900);
    }
}
