using Channels.Publishing.Channels;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Weibo;

namespace Channels.Tests.Channels;

public class QuotaDeferralTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 5, 20, 30, 0, TimeSpan.Zero); // 04:30 on 6 March in China

    [Fact]
    public void DailyQuota_WaitsForTheNextChinaDay()
    {
        var at = QuotaDeferral.NotBefore(QuotaWindow.Day, Now, 60, 3600, null);

        Assert.Equal(new DateTimeOffset(2026, 3, 7, 0, 1, 0, TimeSpan.FromHours(8)), at);
    }

    [Fact]
    public void MinuteAndHour_UseTheConfiguredWindows_CapShortensAll()
    {
        Assert.Equal(Now.AddSeconds(60), QuotaDeferral.NotBefore(QuotaWindow.Minute, Now, 60, 3600, null));
        Assert.Equal(Now.AddSeconds(3600), QuotaDeferral.NotBefore(QuotaWindow.Hour, Now, 60, 3600, null));
        Assert.Equal(Now.AddSeconds(5), QuotaDeferral.NotBefore(QuotaWindow.Day, Now, 60, 3600, 5));
    }

    [Theory]
    [InlineData(45011, QuotaWindow.Minute)]
    [InlineData(45009, QuotaWindow.Day)]
    [InlineData(-1, null)]
    [InlineData(42001, null)]
    public void WeChatCodes(int code, QuotaWindow? window) => Assert.Equal(window, new WeChatApiException("x", code, null).Window);

    [Theory]
    [InlineData(10023, QuotaWindow.Hour)]
    [InlineData(10024, QuotaWindow.Hour)]
    [InlineData(21327, null)]
    public void WeiboCodes(int code, QuotaWindow? window) => Assert.Equal(window, new WeiboApiException(code, null).Window);

    [Theory]
    [InlineData("LimitExceeded.DeliveryFrequencyLimit", QuotaWindow.Minute)]
    [InlineData("RequestLimitExceeded", QuotaWindow.Minute)]
    [InlineData("LimitExceeded.PhoneNumberOneHourLimit", QuotaWindow.Hour)]
    [InlineData("LimitExceeded.AppDailyLimit", QuotaWindow.Day)]
    [InlineData("LimitExceeded.PhoneNumberCountLimit", null)]
    [InlineData("InternalError.Timeout", null)]
    public void TencentCodes(string code, QuotaWindow? window) => Assert.Equal(window, new TencentSmsException(code, null).Window);

    [Fact]
    public void TencentInternalError_MayHaveSent_OthersDidNot()
    {
        Assert.False(new TencentSmsException("InternalError.Timeout", null).NothingSent);
        Assert.True(new TencentSmsException("LimitExceeded.AppDailyLimit", null).NothingSent);
    }
}
