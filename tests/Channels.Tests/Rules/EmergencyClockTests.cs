using Channels.Publishing.Rules;
using Microsoft.Extensions.Time.Testing;

namespace Channels.Tests.Rules;

public class EmergencyClockTests
{
    static readonly DateTimeOffset Incident = new(2017, 7, 3, 6, 30, 0, TimeSpan.FromHours(8));
    static readonly EmergencyClock Clock = new();

    [Fact]
    public void Deadline_IsFiveHoursAfterTheIncident_WarningAnHourBefore()
    {
        Assert.Equal(Incident.AddHours(5), Clock.Deadline(Incident));
        Assert.Equal(Incident.AddHours(4), Clock.WarningAt(Incident));
        var custom = new EmergencyClock(new EmergencyOptions { DeadlineHours = 24, WarnMinutesBefore = 90 });
        Assert.Equal(Incident.AddHours(22.5), custom.WarningAt(Incident));
    }

    [Fact]
    public void PerChannel_OnTimeBreachedAndPending_AsTheClockMoves()
    {
        var time = new FakeTimeProvider(Incident.AddHours(4).AddMinutes(30));
        var delivered = new Dictionary<string, DateTimeOffset?>
        {
            ["weibo"] = null,
            ["website"] = Incident.AddHours(4).AddMinutes(12),
        };

        var e = Clock.Evaluate(Incident, delivered, time.GetUtcNow());
        Assert.Equal(["website", "weibo"], e.Channels.Select(c => c.Channel));
        Assert.Equal(EmergencyStatus.OnTime, e.Channels[0].Status);
        Assert.Equal(new TimeSpan(4, 12, 0), e.Channels[0].TimeToPublish);
        Assert.Equal("政府网站于事件发生后4小时12分钟发布，未超过5小时时限", e.Channels[0].Message);
        Assert.Equal(EmergencyStatus.Pending, e.Channels[1].Status);
        Assert.Equal("政务微博尚未发布，距5小时时限还剩30分钟，请尽快发布", e.Channels[1].Message);
        Assert.False(e.Breached);
        Assert.True(e.Warning);
        Assert.Equal("政务微博尚未发布，须在2017-07-03 11:30前发布（还剩30分钟）", e.Summary);

        time.Advance(TimeSpan.FromMinutes(31));
        e = Clock.Evaluate(Incident, delivered, time.GetUtcNow());
        Assert.True(e.Breached);
        Assert.False(e.Warning);
        Assert.Equal(EmergencyStatus.Breached, e.Channels[1].Status);
        Assert.Null(e.Channels[1].TimeToPublish);
        Assert.Equal("政务微博已超过5小时时限仍未发布（已超出1分钟）", e.Channels[1].Message);
        Assert.Equal("政务微博超过5小时时限（时限2017-07-03 11:30）", e.Summary);
    }

    [Fact]
    public void DeliveredExactlyAtTheDeadline_IsOnTime_AndAfterIsBreached()
    {
        var now = Incident.AddDays(1);
        var e = Clock.Evaluate(Incident, new Dictionary<string, DateTimeOffset?>
        {
            ["wechat"] = Incident.AddHours(5),
            ["sms"] = Incident.AddHours(6).AddMinutes(3),
        }, now);
        Assert.Equal(EmergencyStatus.OnTime, e.Channels.Single(c => c.Channel == "wechat").Status);
        var sms = e.Channels.Single(c => c.Channel == "sms");
        Assert.Equal(EmergencyStatus.Breached, sms.Status);
        Assert.Equal("短信于事件发生后6小时3分钟发布，超过5小时时限1小时3分钟", sms.Message);
        Assert.True(e.Breached);
    }

    [Fact]
    public void BeforeTheWarningPoint_PendingWithoutUrging()
    {
        var time = new FakeTimeProvider(Incident.AddMinutes(20));
        var e = Clock.Evaluate(Incident, new Dictionary<string, DateTimeOffset?> { ["website"] = null }, time.GetUtcNow());
        Assert.False(e.Warning);
        Assert.Equal("政府网站尚未发布，距5小时时限还剩4小时40分钟", e.Channels[0].Message);
    }

    [Fact]
    public void AllOnTime_SaysSo()
    {
        var e = Clock.Evaluate(Incident, new Dictionary<string, DateTimeOffset?> { ["website"] = Incident.AddSeconds(40) }, Incident.AddHours(1));
        Assert.Equal("政府网站于事件发生后不足1分钟发布，未超过5小时时限", e.Channels[0].Message);
        Assert.Equal("所有渠道均在5小时时限内发布", e.Summary);
        Assert.False(e.Breached);
    }
}
