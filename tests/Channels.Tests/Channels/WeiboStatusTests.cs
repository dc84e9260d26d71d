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
        Assert.True(status.Length <= WeiboPublisher.MaxLength, $"length {status.Length}");
        Assert.EndsWith(" " + Url, status, StringComparison.Ordinal);
        Assert.StartsWith("【" + item.Title + "】", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_ShortSummary_IsKeptWhole()
    {
        var status = WeiboPublisher.Status(SampleItems.Valid(), Url);
        Assert.Contains(SampleItems.Valid().Summary!, status, StringComparison.Ordinal);
    }
}
