namespace Channels.IntegrationTests;

public class LatencyTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(10, 1)]
    public void Percentile_NearestRank(double p, double expected) =>
        Assert.Equal(expected, Channels.Local.Bench.Latency.Percentile([3, 1, 2, 4, 5, 6, 7, 8, 9, 10], p));
}
