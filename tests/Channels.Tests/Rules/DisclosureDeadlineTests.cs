using Channels.Publishing.Rules;

namespace Channels.Tests.Rules;

public class DisclosureDeadlineTests
{
    static readonly WorkingDays Cal = WorkingDays.China;

    static DateTimeOffset China(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void FormedBeforeNationalDay2017_DueDateSkipsTheHolidayButCountsTheWorkedSaturday()
    {
        var r = DisclosureDeadline.Check(China(2017, 9, 20), China(2017, 10, 24, 17), Cal);
        Assert.Equal(new DateOnly(2017, 10, 24), r.DueDate);
        Assert.Equal(20, r.WorkingDaysTaken);
        Assert.False(r.IsLate);
        Assert.Null(r.Reason);
        Assert.True(r.CalendarComplete);
    }

    [Fact]
    public void PublishedAfterTheDueDate_IsLate_WithAChineseReason()
    {
        var r = DisclosureDeadline.Check(China(2017, 9, 20), China(2017, 10, 30), Cal);
        Assert.True(r.IsLate);
        Assert.Equal(24, r.WorkingDaysTaken);
        Assert.Equal("信息形成于2017-09-20，应于2017-10-24前（含当日）公开，实际于2017-10-30公开，超期4个工作日", r.Reason);
    }

    [Fact]
    public void PublishedTheWeekendAfterTheDueDate_IsLateByCalendarDays()
    {
        // Formed Monday 2017-09-25, due Friday 2017-10-27; published Sunday 10-29: no working day late, still late.
        var r = DisclosureDeadline.Check(China(2017, 9, 25), China(2017, 10, 29), Cal);
        Assert.Equal(new DateOnly(2017, 10, 27), r.DueDate);
        Assert.True(r.IsLate);
        Assert.EndsWith("超期2天", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DayOfFormation_IsNotCounted_AndChinaTimeDecidesTheDay()
    {
        // 2017-03-01 23:30 China time is 15:30 UTC: still 1 March in China.
        var formed = new DateTimeOffset(2017, 3, 1, 15, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2017, 3, 29), DisclosureDeadline.DueDate(formed, Cal));
        var r = DisclosureDeadline.Check(formed, formed.AddMinutes(10), Cal);
        Assert.Equal(0, r.WorkingDaysTaken);
        Assert.False(r.IsLate);
    }

    [Fact]
    public void SpringFestival_PushesTheDueDate()
    {
        // Formed Friday 2017-01-20: 01-22 (Sunday) is worked, 01-27..02-02 off, 02-04 (Saturday) worked.
        Assert.Equal(new DateOnly(2017, 2, 22), DisclosureDeadline.DueDate(China(2017, 1, 20), Cal));
    }

    [Fact]
    public void UncoveredYear_IsMarkedAsAnEstimate()
    {
        var r = DisclosureDeadline.Check(China(2035, 3, 1), China(2035, 6, 1), Cal);
        Assert.False(r.CalendarComplete);
        Assert.True(r.IsLate);
        Assert.EndsWith("（该年度节假日安排未收录，按周末推算）", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherStatutoryPeriod_CanBePassed() =>
        Assert.Equal(new DateOnly(2017, 10, 9), DisclosureDeadline.DueDate(China(2017, 9, 28), Cal, workingDays: 3));
}
