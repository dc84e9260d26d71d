namespace Channels.IntegrationTests;

public class EventuallyTests
{
    [Fact]
    public async Task LastAsync_ReturnsTheFirstValueThatSatisfiesTheCondition()
    {
        var calls = 0;
        var value = await Eventually.LastAsync(() => Task.FromResult(++calls), v => v == 3, every: TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, value);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task LastAsync_OnTimeout_ReturnsTheLastValue()
    {
        var value = await Eventually.LastAsync(() => Task.FromResult("never"), v => v == "done", TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(5));
        Assert.Equal("never", value);
    }

    [Fact]
    public async Task FoundAsync_OnTimeout_ThrowsNamingWhatWasAwaited()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.FoundAsync(() => Task.FromResult<string?>(null), "the receipt", TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(5)));
        Assert.StartsWith("the receipt", error.Message, StringComparison.Ordinal);
    }
}
