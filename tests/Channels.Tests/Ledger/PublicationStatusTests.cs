using Channels.Publishing.Ledger;

namespace Channels.Tests.Ledger;

public class PublicationStatusTests
{
    [Theory]
    [InlineData("publishing", "publishing", "delivered", "intent")]
    [InlineData("delivered", "publishing", "delivered", "delivered")]
    [InlineData("partially-failed", "publishing", "delivered", "failed")]
    [InlineData("partially-failed", "publishing", "delivered", "credentials-expired")]
    [InlineData("failed", "publishing", "failed", "credentials-expired")]
    [InlineData("delivered", "partially-failed", "delivered", "delivered")]
    [InlineData("retracting", "retracting", "retracted", "awaiting-verdict")]
    [InlineData("retracted", "retracting", "retracted", "correction-sent")]
    [InlineData("retracted", "retracting", "retracted", "delivered")]
    public void From_ChannelStates_GivesOverallStatus(string expected, string current, string first, string second) =>
        Assert.Equal(expected, PublicationStatus.From([first, second], current));

    [Fact]
    public void History_AppendsOnlyChanges_AndStaysBounded()
    {
        var entry = new DeliveryEntry { State = DeliveryState.Intent, Attempts = 1 };
        var t = DateTimeOffset.Parse("2017-03-01T08:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        DeliveryHistory.Append(entry, t);
        DeliveryHistory.Append(entry, t.AddSeconds(1));
        entry.State = DeliveryState.Failed;
        entry.Error = "微博平台拒绝";
        DeliveryHistory.Append(entry, t.AddSeconds(2));

        var events = DeliveryHistory.Read(entry);
        Assert.Equal([DeliveryState.Intent, DeliveryState.Failed], events.Select(e => e.State));
        Assert.Equal("微博平台拒绝", events[1].Note);

        for (var i = 0; i < 200; i++) DeliveryHistory.Append(entry, t.AddMinutes(i), $"note {i}");
        var bounded = DeliveryHistory.Read(entry);
        Assert.Equal(DeliveryHistory.MaxEvents, bounded.Count);
        Assert.Equal(DeliveryState.Intent, bounded[0].State);
        Assert.Equal("note 199", bounded[^1].Note);
    }
}
