using Channels.Publishing.Rules;
using Microsoft.Extensions.Time.Testing;

namespace Channels.Tests.Rules;

public class FreshnessRulesTests
{
    static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    static DateTimeOffset China(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, Cst);

    static FreshnessFlag One(string name, DateTimeOffset? last, DateTimeOffset now) =>
        Assert.Single(FreshnessRules.Evaluate(new Dictionary<string, DateTimeOffset?> { [name] = last }, now));

    [Theory]
    [InlineData(10, FreshnessStatus.Ok)]
    [InlineData(11, FreshnessStatus.Warning)]
    [InlineData(14, FreshnessStatus.Warning)]
    [InlineData(15, FreshnessStatus.Stale)]
    public void NewsColumn_TwoWeeks_WarnsThreeDaysAhead(int idle, FreshnessStatus status)
    {
        var now = China(2017, 6, 30);
        var f = One("政务动态", now.AddDays(-idle), now);
        Assert.Equal(FreshnessKind.News, f.Kind);
        Assert.Equal(idle, f.IdleDays);
        Assert.Equal(14, f.LimitDays);
        Assert.Equal(status, f.Status);
    }

    [Fact]
    public void NewsColumn_Messages_AreChinese()
    {
        var now = China(2017, 6, 30);
        Assert.Equal("「政务动态」栏目已15天未更新（最近更新于2017-06-15），超过2周更新时限", One("政务动态", now.AddDays(-15), now).Message);
        Assert.Equal("「政务动态」栏目已12天未更新（最近更新于2017-06-18），距2周更新时限还剩2天，请及时更新", One("政务动态", now.AddDays(-12), now).Message);
        Assert.Equal("「政务动态」栏目已14天未更新（最近更新于2017-06-16），今天是2周更新时限的最后一天，请及时更新", One("政务动态", now.AddDays(-14), now).Message);
        Assert.Equal("「政务动态」栏目最近更新于2017-06-30（今天），未超过2周更新时限", One("政务动态", now.AddHours(-1), now).Message);
    }

    [Fact]
    public void IdleDays_AreChinaCalendarDays()
    {
        // Published 2017-06-15 23:30 China time (15:30 UTC), checked 2017-06-30 00:30 China time: 15 days in China.
        var f = One("政务动态", new DateTimeOffset(2017, 6, 15, 15, 30, 0, TimeSpan.Zero), new DateTimeOffset(2017, 6, 29, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(15, f.IdleDays);
        Assert.Equal(FreshnessStatus.Stale, f.Status);
    }

    [Fact]
    public void NoticeColumn_SixCalendarMonths()
    {
        var now = China(2017, 8, 31);
        var onTheLimit = One("通知公告", China(2017, 2, 28), now);
        Assert.Equal(FreshnessKind.Notice, onTheLimit.Kind);
        Assert.Equal(184, onTheLimit.LimitDays);
        Assert.Equal(FreshnessStatus.Warning, onTheLimit.Status);
        Assert.Equal(FreshnessStatus.Stale, One("政策法规", China(2017, 2, 27), now).Status);
        Assert.Equal(FreshnessStatus.Ok, One("政策解读", China(2017, 3, 10), now).Status);
        Assert.Contains("超过6个月更新时限", One("政策法规", China(2017, 2, 27), now).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounts_TwoWeeks_AndNeverPublishedIsStale()
    {
        var time = new FakeTimeProvider(China(2017, 6, 30));
        var flags = FreshnessRules.Evaluate(new Dictionary<string, DateTimeOffset?>
        {
            ["wechat"] = time.GetUtcNow().AddDays(-3),
            ["weibo"] = null,
        }, time.GetUtcNow());
        Assert.Equal(["weibo", "wechat"], flags.Select(f => f.Name));
        Assert.Equal("政务微博从未发布信息", flags[0].Message);
        Assert.Equal(FreshnessStatus.Stale, flags[0].Status);
        Assert.Null(flags[0].IdleDays);
        Assert.Equal(FreshnessKind.Account, flags[1].Kind);
        Assert.Equal(FreshnessStatus.Ok, flags[1].Status);

        time.Advance(TimeSpan.FromDays(12));
        var later = FreshnessRules.Evaluate(new Dictionary<string, DateTimeOffset?> { ["wechat"] = China(2017, 6, 27) }, time.GetUtcNow());
        Assert.Equal(FreshnessStatus.Stale, Assert.Single(later).Status);
        Assert.StartsWith("微信公众号已15天未更新", later[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankColumn_IsStale() =>
        Assert.Equal("「通知公告」栏目从未发布信息（空白栏目）", One("通知公告", null, China(2017, 6, 30)).Message);

    [Fact]
    public void ExemptAndUnknownNames_AreLeftOut_AndWorstComesFirst()
    {
        var now = China(2017, 6, 30);
        var flags = FreshnessRules.Evaluate(new Dictionary<string, DateTimeOffset?>
        {
            ["机构职能"] = China(2015, 1, 1),
            ["不存在的栏目"] = null,
            ["通知公告"] = now.AddDays(-1),
            ["政务动态"] = now.AddDays(-20),
            ["weibo"] = now.AddDays(-12),
        }, now);
        Assert.Equal(["政务动态", "weibo", "通知公告"], flags.Select(f => f.Name));
    }
}
