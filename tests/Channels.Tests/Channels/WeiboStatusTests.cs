using Channels.Publishing.Channels.Weibo;

namespace Channels.Tests.Channels;

public class WeiboStatusTests
{
    const string Url = "https://www.furong.gov.cn/items/t-0001.html";

    [Fact]
    public void Status_LongSummary_FitsIn140AndEndsWithUrl()
    {
        var item = SampleItems.Valid() with { Summary = new string('字', 500) };
        var status = WeiboPublisher.Status(item, Url);
        var length = WeiboTextLength.Count(status);
        Assert.InRange(length, WeiboPublisher.MaxLength - 1, WeiboPublisher.MaxLength); // as much summary as fits, no more
        Assert.EndsWith(" " + Url, status, StringComparison.Ordinal);
        Assert.StartsWith("【" + item.Title + "】", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_ShortSummary_IsKeptWhole()
    {
        var status = WeiboPublisher.Status(SampleItems.Valid(), Url);
        Assert.Contains(SampleItems.Valid().Summary!, status, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_AsciiSummary_TwoHalfWidthCharactersCountAsOne_KeepsTwiceAsMany()
    {
        var item = SampleItems.Valid() with { Title = "T", Summary = new string('a', 220) };
        var status = WeiboPublisher.Status(item, Url);
        Assert.Contains(new string('a', 220), status, StringComparison.Ordinal); // 220 half-width count 110: fits; by runes it would not
        Assert.True(status.Length > WeiboPublisher.MaxLength);
        Assert.True(WeiboTextLength.Fits(status));
    }

    [Fact]
    public void Status_EmojiAtTheCut_NeverSplitsASurrogatePair()
    {
        var item = SampleItems.Valid() with { Summary = string.Concat(Enumerable.Repeat("😀", 200)) };
        var status = WeiboPublisher.Status(item, Url);
        Assert.True(WeiboTextLength.Fits(status));
        Assert.DoesNotContain('�', System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(status)));
    }
}
