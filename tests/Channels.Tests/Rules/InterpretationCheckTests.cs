using Channels.Publishing.Rules;
using Microsoft.Extensions.Time.Testing;

namespace Channels.Tests.Rules;

public class InterpretationCheckTests
{
    static readonly WorkingDays Cal = WorkingDays.China;
    static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    static DateTimeOffset China(int y, int m, int d, int h = 10, int min = 0) => new(y, m, d, h, min, 0, Cst);

    static InterpretationResult Simultaneous(DateTimeOffset policy, DateTimeOffset? interpretation) =>
        InterpretationCheck.Evaluate(policy, interpretation, InterpretationRule.Simultaneous, policy.AddDays(30), Cal);

    [Fact]
    public void Simultaneous_SameChinaDay_IsOnTime()
    {
        var r = Simultaneous(China(2024, 3, 1), China(2024, 3, 1, 23, 59));
        Assert.Equal(InterpretationStatus.OnTime, r.Status);
        Assert.Equal(new DateOnly(2024, 3, 1), r.DueDate);
        Assert.Equal(China(2024, 3, 2, 0), r.DueAt);
        Assert.Equal("政策文件于2024-03-01公开，解读应与政策文件同步（2024-03-01当日）发布，实际于2024-03-01发布，按时", r.Reason);
    }

    [Fact]
    public void Simultaneous_NextChinaDay_IsLate_EvenOnTheSameUtcDay()
    {
        // 23:00 and 07:00 China time are both 1 March in UTC, but different days in China.
        var r = Simultaneous(China(2024, 3, 1, 23), China(2024, 3, 2, 7));
        Assert.Equal(InterpretationStatus.Late, r.Status);
        Assert.EndsWith("实际于2024-03-02发布，超期1天", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Simultaneous_NextWorkingDay_IsOneWorkingDayLate() =>
        Assert.EndsWith("超期1个工作日", Simultaneous(China(2024, 3, 1), China(2024, 3, 4)).Reason, StringComparison.Ordinal);

    [Fact]
    public void WithinThreeWorkingDays_PendingThenLastDayThenOverdue_AsTheClockMoves()
    {
        // Policy Thursday 2017-09-28: 09-29, Saturday 09-30 (worked) and 10-09 after the National Day holiday.
        var time = new FakeTimeProvider(China(2017, 9, 29, 9));
        var rule = InterpretationRule.WithinWorkingDays(3);
        var policy = China(2017, 9, 28, 16);
        InterpretationResult Now() => InterpretationCheck.Evaluate(policy, null, rule, time.GetUtcNow(), Cal);

        var r = Now();
        Assert.Equal(InterpretationStatus.Pending, r.Status);
        Assert.Equal(new DateOnly(2017, 10, 9), r.DueDate);
        Assert.Equal(China(2017, 10, 10, 0), r.DueAt);
        Assert.Equal("政策文件于2017-09-28公开，解读应在3个工作日内（2017-10-09前，含当日）发布，尚未发布，还剩2个工作日", r.Reason);

        time.SetUtcNow(China(2017, 10, 9, 23, 59));
        Assert.Equal(InterpretationStatus.Pending, Now().Status);
        Assert.EndsWith("今日为最后期限", Now().Reason, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(InterpretationStatus.Overdue, Now().Status);
        Assert.EndsWith("至今未发布，已超期1个工作日", Now().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WithinThreeWorkingDays_PublishedOnTheDueDate_IsOnTime_AndLaterIsLate()
    {
        var rule = InterpretationRule.WithinWorkingDays(3);
        var policy = China(2017, 9, 28, 16);
        var now = China(2017, 12, 1);
        Assert.Equal(InterpretationStatus.OnTime, InterpretationCheck.Evaluate(policy, China(2017, 10, 9, 18), rule, now, Cal).Status);
        var late = InterpretationCheck.Evaluate(policy, China(2017, 10, 11), rule, now, Cal);
        Assert.Equal(InterpretationStatus.Late, late.Status);
        Assert.EndsWith("超期2个工作日", late.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_NeedsAtLeastOneWorkingDay() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InterpretationRule.WithinWorkingDays(0));
}
