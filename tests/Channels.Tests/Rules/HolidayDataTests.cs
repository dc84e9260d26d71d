using Channels.Publishing.Rules;

namespace Channels.Tests.Rules;

/// <summary>Checks on holidays-cn.json itself, so a mistyped date fails here rather than in a deadline.</summary>
public class HolidayDataTests
{
    static HolidayFile File()
    {
        using var stream = typeof(HolidayData).Assembly.GetManifestResourceStream(HolidayData.ResourceName);
        Assert.NotNull(stream);
        return System.Text.Json.JsonSerializer.Deserialize<HolidayFile>(stream,
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    [Fact]
    public void EveryYear2017To2027_IsPresentOnce_WithASourceAndNotes()
    {
        var file = File();
        Assert.NotEmpty(file.Notes);
        Assert.Equal(Enumerable.Range(2017, 11), file.Years.Select(y => y.Year));
        Assert.All(file.Years, y => Assert.False(string.IsNullOrWhiteSpace(y.Source)));
        Assert.Equal("not-yet-published", file.Years.Single(y => y.Year == 2027).Status);
    }

    [Fact]
    public void AdjustedWorkingDays_AreAllWeekends() =>
        Assert.All(File().Years.SelectMany(y => y.Workdays), w => Assert.True(IsWeekend(D(w.Date)), w.Date));

    [Fact]
    public void HolidayRanges_AreShortAndOrdered() =>
        Assert.All(File().Years.SelectMany(y => y.Holidays), h => Assert.InRange(D(h.To).DayNumber - D(h.From).DayNumber, 0, 9));

    /// <summary>
    /// Statutory days falling on a weekend are made up (补休), so each notice removes exactly as many working days as
    /// there are statutory days: 11 until 2024, 13 from 2025 (春节 and 劳动节 one day more). 2020 removes 2 more: the
    /// COVID-19 extension gave 31 January off and cancelled the make-up Saturday of 1 February.
    /// </summary>
    [Theory]
    [InlineData(2017, 11)]
    [InlineData(2018, 11)]
    [InlineData(2019, 11)]
    [InlineData(2020, 13)]
    [InlineData(2021, 11)]
    [InlineData(2022, 11)]
    [InlineData(2023, 11)]
    [InlineData(2024, 11)]
    [InlineData(2025, 13)]
    [InlineData(2026, 13)]
    public void EachNotice_RemovesItsStatutoryDays(int year, int removed)
    {
        var y = File().Years.Single(x => x.Year == year);
        var weekdaysOff = y.Holidays
            .SelectMany(h => Enumerable.Range(D(h.From).DayNumber, D(h.To).DayNumber - D(h.From).DayNumber + 1))
            .Select(DateOnly.FromDayNumber)
            .Count(d => !IsWeekend(d));
        Assert.Equal(removed, weekdaysOff - y.Workdays.Count);
    }
}
