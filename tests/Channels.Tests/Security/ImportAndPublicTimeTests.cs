using Channels.Publishing.Items;
using Channels.Publishing.Rules;

namespace Channels.Tests.Security;

public class ImportAndPublicTimeTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(-30, false)]
    [InlineData(-60 * 23, false)]
    [InlineData(-60 * 24 - 1, true)]
    [InlineData(-60 * 24 * 400, true)]
    [InlineData(60, false)]
    public void Import_IsMoreThanADayInThePast(int minutes, bool imported) =>
        Assert.Equal(imported, ImportRule.IsImport(Now.AddMinutes(minutes), Now));

    [Fact]
    public void PublicTime_NotImported_IsTheDeliveryNotTheClaim()
    {
        var claimed = Now.AddDays(-30);
        var delivered = Now.AddMinutes(-5);
        Assert.Equal(delivered, PublicTime.Of(false, claimed, delivered, Now));
        Assert.Equal(claimed, PublicTime.Of(true, claimed, delivered, Now));
    }

    [Fact]
    public void PublicTime_NotYetDelivered_IsNowOrTheLaterSchedule()
    {
        Assert.Equal(Now, PublicTime.Of(false, Now.AddHours(-3), null, Now));
        Assert.Equal(Now.AddDays(2), PublicTime.Of(false, Now.AddDays(2), null, Now));
    }

    [Fact]
    public void Deadline_ABackdatedClaimDoesNotMakeALateDisclosureOnTime()
    {
        var formed = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var claimed = formed.AddDays(2);
        var delivered = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.False(DisclosureDeadline.Check(formed, claimed, WorkingDays.China).IsLate);
        Assert.True(DisclosureDeadline.Check(formed, PublicTime.Of(false, claimed, delivered, Now), WorkingDays.China).IsLate);
    }
}
