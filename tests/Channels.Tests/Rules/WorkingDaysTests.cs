using Channels.Publishing.Rules;

namespace Channels.Tests.Rules;

public class WorkingDaysTests
{
    static readonly WorkingDays Cal = WorkingDays.China;

    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2017-10-01")]
    [InlineData("2017-10-02")]
    [InlineData("2017-10-04")]
    [InlineData("2017-10-06")]
    [InlineData("2017-10-08")]
    public void NationalDayAndMidAutumn2017_AreDaysOff(string day) => Assert.False(Cal.IsWorkingDay(D(day)));

    [Fact]
    public void Saturday30September2017_IsAWorkingDay()
    {
        Assert.Equal(DayOfWeek.Saturday, D("2017-09-30").DayOfWeek);
        Assert.True(Cal.IsWorkingDay(D("2017-09-30")));
        Assert.True(Cal.IsWorkingDay(D("2017-10-09")));
    }

    [Fact]
    public void SpringFestival2017_SevenDaysOff_AndTwoWeekendsWorked()
    {
        for (var d = D("2017-01-27"); d <= D("2017-02-02"); d = d.AddDays(1))
        {
            Assert.False(Cal.IsWorkingDay(d), d.ToString());
        }

        Assert.True(Cal.IsWorkingDay(D("2017-01-22")));
        Assert.True(Cal.IsWorkingDay(D("2017-02-04")));
        Assert.True(Cal.IsWorkingDay(D("2017-02-03")));
    }

    [Theory]
    [InlineData("2018-12-29", true)]  // Saturday worked for 元旦 2019 (set by the 2019 notice)
    [InlineData("2018-12-31", false)]
    [InlineData("2019-05-03", false)] // May Day 2019 as revised in March 2019
    [InlineData("2019-05-05", true)]
    [InlineData("2020-01-31", false)] // Spring Festival 2020 extended to 2 February (COVID-19)
    [InlineData("2020-02-01", false)] // was a make-up working day before the extension
    [InlineData("2020-02-03", true)]
    [InlineData("2024-02-09", true)]  // 除夕 2024: a day off only encouraged, not granted
    [InlineData("2026-01-04", true)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-12-31", true)]
    public void DataYears_FollowTheNotices(string day, bool working) => Assert.Equal(working, Cal.IsWorkingDay(D(day)));

    [Fact]
    public void AddWorkingDays_StepsOverTheHoliday()
    {
        Assert.Equal(D("2017-09-30"), Cal.AddWorkingDays(D("2017-09-29"), 1));
        Assert.Equal(D("2017-10-09"), Cal.AddWorkingDays(D("2017-09-30"), 1));
        Assert.Equal(D("2017-10-24"), Cal.AddWorkingDays(D("2017-09-20"), 20));
        Assert.Equal(D("2017-09-20"), Cal.AddWorkingDays(D("2017-09-20"), 0));
    }

    [Fact]
    public void AddWorkingDays_FromAHoliday_DoesNotCountTheStart() =>
        Assert.Equal(D("2017-10-10"), Cal.AddWorkingDays(D("2017-10-03"), 2));

    [Fact]
    public void AddWorkingDays_Negative_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingDays(D("2017-10-03"), -1));

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        var start = D("2017-01-20");
        for (var n = 0; n <= 30; n++)
        {
            Assert.Equal(n, Cal.WorkingDaysBetween(start, Cal.AddWorkingDays(start, n)));
        }

        Assert.Equal(0, Cal.WorkingDaysBetween(start, start));
        Assert.Equal(-3, Cal.WorkingDaysBetween(D("2017-10-10"), D("2017-09-29"))); // 09-30, 10-09, 10-10
    }

    [Fact]
    public void Covers_PublishedYearsOnly()
    {
        for (var y = 2017; y <= 2026; y++)
        {
            Assert.True(Cal.Covers(y), y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.False(Cal.Covers(2016));
        Assert.False(Cal.Covers(2027));
        Assert.False(Cal.Covers(2035));
    }

    [Fact]
    public void Year2027_FallsBackToWeekendsPlusFixedDateHolidays()
    {
        Assert.False(Cal.IsWorkingDay(D("2027-01-01"))); // Friday, 元旦
        Assert.False(Cal.IsWorkingDay(D("2027-10-01"))); // Friday, 国庆节
        Assert.True(Cal.IsWorkingDay(D("2027-10-04")));  // Monday: 调休 unknown
        Assert.False(Cal.IsWorkingDay(D("2027-01-02")));
    }

    [Fact]
    public void Year2035_WeekendFallback()
    {
        Assert.True(Cal.IsWorkingDay(D("2035-01-01")));  // a Monday: no data, so not a holiday
        Assert.False(Cal.IsWorkingDay(D("2035-01-06"))); // Saturday
        Assert.Equal(D("2035-01-09"), Cal.AddWorkingDays(D("2035-01-05"), 2)); // Friday + 2 → Tuesday
        Assert.Equal(5, Cal.WorkingDaysBetween(D("2035-01-07"), D("2035-01-14")));
    }

    [Fact]
    public void WeekendsOnly_KnowsNoHolidays()
    {
        Assert.True(WorkingDays.WeekendsOnly.IsWorkingDay(D("2017-10-02")));
        Assert.False(WorkingDays.WeekendsOnly.IsWorkingDay(D("2017-09-30")));
        Assert.False(WorkingDays.WeekendsOnly.Covers(2017));
    }
}
