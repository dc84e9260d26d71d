using Channels.Publishing.Channels.Weibo;
using Microsoft.Extensions.Options;

namespace Channels.Tests.Channels;

/// <summary>
/// Weibo's length rule (Sina STK kit.extra.count; examples from the WeCase port's doctests) and the start-up check of rip.
/// </summary>
public class WeiboTextLengthTests
{
    [Theory]
    [InlineData("Test", 2)] // WeCase TweetUtils doctest
    [InlineData("我司CEO与我司吉祥物...好大一坨！", 16)] // WeCase TweetUtils doctest
    [InlineData("a", 1)] // half a 汉字 rounds up
    [InlineData("中", 1)]
    [InlineData("é", 1)] // U+00E9 is within U+0000–U+00FF: one byte, like ASCII
    [InlineData("\U0001F600", 2)] // a surrogate pair: two units outside U+00FF
    [InlineData("看 http://www.furong.gov.cn/site/items/2017/a-very-long-path-that-is-longer-than-forty-bytes.html", 12)] // 看 + space = 3 bytes, link = 20
    [InlineData("http://t.cn/RxYz123", 10)] // t.cn is counted as typed: 19 bytes
    [InlineData("http://weibo.com/u/1", 10)] // own link ≤ 41 bytes as typed: 20 bytes
    public void Count_AsWeiboCountsIt(string text, int expected) => Assert.Equal(expected, WeiboTextLength.Count(text));

    [Fact]
    public void Count_LinkOver140Bytes_CountsItsBytesMinus120()
    {
        var url = "http://www.furong.gov.cn/" + new string('p', 175); // 200 bytes
        Assert.Equal(40, WeiboTextLength.Count(url)); // (200 − 140 + 20) / 2
    }

    [Fact]
    public void Count_HttpsLink_TheLargerOfTypedAndLinkCounts()
    {
        Assert.Equal(10, WeiboTextLength.Count("https://a.cn/x")); // typed 7, as a link 10
        var longOne = "https://www.furong.gov.cn/site/items/2017/" + new string('x', 58); // 100 bytes
        Assert.Equal(50, WeiboTextLength.Count(longOne)); // typed 50, as a link 10
    }

    [Fact]
    public void Count_CrLfCountsAsOneLineBreak() => Assert.Equal(WeiboTextLength.Count("a\nb"), WeiboTextLength.Count("a\r\nb"));

    static ValidateOptionsResult Validate(string baseUrl, string rip) =>
        new WeiboOptionsValidator().Validate(null, new WeiboOptions { BaseUrl = baseUrl, Rip = rip });

    [Theory]
    [InlineData("")]
    [InlineData("not-an-ip")]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.5")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.0.1")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    public void Rip_OutsideTheSandbox_MustBeAPublicIp_FailureNamesTheSetting(string rip)
    {
        var result = Validate("https://api.weibo.com/", rip);
        Assert.True(result.Failed);
        Assert.Contains("Channels:Weibo:Rip", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.weibo.com/", "20.0.0.1")]
    [InlineData("https://api.weibo.com/", "2400:3200::1")]
    [InlineData("http://127.0.0.1:7081/weibo/", "")]
    [InlineData("http://localhost:7081/weibo/", "")]
    public void Rip_PublicIpOrLocalSandbox_Passes(string baseUrl, string rip) => Assert.True(Validate(baseUrl, rip).Succeeded);

    [Fact]
    public void EffectiveRip_EmptyAgainstTheSandbox_Is127001() => Assert.Equal("127.0.0.1", new WeiboOptions().EffectiveRip);
}
