using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Items;

namespace Channels.Tests.Security;

public class SanitizerAndRepliesTests
{
    static readonly BodySanitizer Sanitizer = new(new OwnImages("https://www.furong.gov.cn/site", "https://furongst.blob.core.windows.net/archive"));

    [Theory]
    [InlineData("<img src=\"https://tracker.example.com/p.gif\">")]
    [InlineData("<img src=\"//tracker.example.com/p.gif\">")]
    [InlineData("<img src=\"https://www.furong.gov.cn.evil.com/site/a.png\">")]
    [InlineData("<img src=\"https://www.furong.gov.cn/other/a.png\">")]
    [InlineData("<img src=\"https://user@www.furong.gov.cn/site/a.png\">")]
    [InlineData("<img src=\"http://169.254.169.254/latest/meta-data\">")]
    [InlineData("<img>")]
    public void ForeignImages_AreRemoved(string img) => Assert.DoesNotContain("<img", Sanitizer.Sanitize("<p>图：" + img + "</p>"), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://www.furong.gov.cn/site/assets/map.png")]
    [InlineData("https://furongst.blob.core.windows.net/archive/images/map.png")]
    [InlineData("/site/assets/map.png")]
    [InlineData("assets/map.png")]
    public void OwnImages_Stay(string src) => Assert.Contains($"src=\"{src}\"", Sanitizer.Sanitize($"<p><img src=\"{src}\" alt=\"图\"></p>"),
        StringComparison.Ordinal);

    [Fact]
    public void TargetNameAndSrcset_AreDropped()
    {
        var clean = Sanitizer.Sanitize("<a href=\"https://example.com\" target=\"_blank\" name=\"x\">链接</a><img src=\"a.png\"" +
            " srcset=\"https://t.example.com/a.png 2x\">");
        Assert.DoesNotContain("target", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("name=", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("srcset", clean, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com\"", clean, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TD", true), InlineData("td", true), InlineData(" 退订 ", true), InlineData("T", true), InlineData("n", true), InlineData("ＴＤ", true)]
    [InlineData("退订。", true), InlineData("TD是什么", false), InlineData("谢谢", false), InlineData("", false), InlineData("NO", false)]
    public void OptOutReplies(string text, bool optOut) => Assert.Equal(optOut, SmsOptOutReplies.IsOptOut(text));
}
