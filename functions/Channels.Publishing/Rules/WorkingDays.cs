namespace Channels.Publishing.Rules;

/// <summary>
/// China's working-day calendar (工作日): Monday to Friday, minus the official days off (放假调休), plus the weekend
/// days turned into working days (调休上班). The days come from the State Council's yearly notices kept as data in
/// holidays-cn.json; for a year without data (or a not-yet-published year) only weekends and the listed fixed-date
/// days are off, and <see cref="Covers"/> says so. Dates are calendar days in China (use ChinaTime first).
/// </summary>
public sealed class WorkingDays
{
    static readonly Lazy<WorkingDays> Embedded = new(HolidayData.LoadEmbedded);

    readonly HashSet<DateOnly> daysOff;
    readonly HashSet<DateOnly> workingWeekends;
    readonly HashSet<int> coveredYears;

    public WorkingDays(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> workingWeekends, IEnumerable<int> coveredYears)
    {
        ArgumentNullException.ThrowIfNull(daysOff);
        ArgumentNullException.ThrowIfNull(workingWeekends);
        ArgumentNullException.ThrowIfNull(coveredYears);
        this.daysOff = [.. daysOff];
        this.workingWeekends = [.. workingWeekends];
        this.coveredYears = [.. coveredYears];
    }

    /// <summary>The calendar of the embedded State Council data (2017–2026 published, 2027 partial).</summary>
    public static WorkingDays China => Embedded.Value;

    /// <summary>A calendar with no holiday data: Monday to Friday are working days.</summary>
    public static WorkingDays WeekendsOnly { get; } = new([], [], []);

    /// <summary>True when the official arrangement of <paramref name="year"/> is in the data (not a fallback).</summary>
    public bool Covers(int year) => coveredYears.Contains(year);

    public bool IsWorkingDay(DateOnly day) =>
        workingWeekends.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !daysOff.Contains(day));

    /// <summary>The day that is <paramref name="n"/> working days after <paramref name="start"/> (start itself not counted; n = 0 gives start).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = start;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                n--;
            }
        }

        return day;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// WorkingDaysBetween(d, AddWorkingDays(d, n)) == n. Negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
