using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Items;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Channels.Tests.Channels;

public class SmsQuietHoursTests
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    static DateTimeOffset? NotBefore(DateTimeOffset now, string priority = Priorities.Normal)
    {
        var pacer = new SmsQuietHours(Options.Create(new SmsOptions()), new FakeTimeProvider(now));
        return pacer.NotBeforeAsync(SampleItems.Valid() with { Priority = priority }, CancellationToken.None).Result;
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(12, 30)]
    [InlineData(21, 59)]
    public void Daytime_SendsNow(int hour, int minute) =>
        Assert.Null(NotBefore(new DateTimeOffset(2017, 5, 10, hour, minute, 0, China)));

    [Fact]
    public void LateEvening_WaitsUntilEightNextMorning() =>
        Assert.Equal(new DateTimeOffset(2017, 5, 11, 8, 0, 0, China), NotBefore(new DateTimeOffset(2017, 5, 10, 22, 0, 0, China)));

    [Fact]
    public void EarlyMorning_WaitsUntilEightSameDay_ComputedInChinaTimeNotUtc() =>
        Assert.Equal(new DateTimeOffset(2017, 5, 10, 8, 0, 0, China), NotBefore(new DateTimeOffset(2017, 5, 9, 23, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Emergency_SendsAtOnceAtNight() =>
        Assert.Null(NotBefore(new DateTimeOffset(2017, 5, 10, 23, 30, 0, China), Priorities.Emergency));
}
