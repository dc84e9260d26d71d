using System.Net;
using Channels.Publishing.Api.Access;
using Channels.Publishing.Api.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.Tests.Api;

public class RateLimiterTests
{
    static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton<AccessGate>().Configure<AccessOptions>(o => o.AdminKey = "admin-key").BuildServiceProvider();

    static DefaultHttpContext Request(string ip, string method = "GET", string? key = null)
    {
        var ctx = new DefaultHttpContext { RequestServices = Services };
        ctx.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        ctx.Request.Method = method;
        if (key is not null) ctx.Request.Headers[AccessGate.KeyHeader] = key;
        return ctx;
    }

    static int Granted(System.Threading.RateLimiting.PartitionedRateLimiter<HttpContext> limiter, Func<DefaultHttpContext> request, int tries) =>
        Enumerable.Range(0, tries).Count(_ => limiter.AttemptAcquire(request()).IsAcquired);

    [Theory]
    [InlineData(120, 2, 1)]
    [InlineData(100, 5, 3)]
    [InlineData(1200, 20, 1)]
    [InlineData(3, 1, 20)]
    [InlineData(7, 7, 60)]
    public void Bucket_RefillsExactlyThePermitsPerMinute(int perMinute, int tokens, int seconds)
    {
        var o = ChannelsRateLimiter.Bucket(perMinute, 10);
        Assert.Equal(tokens, o.TokensPerPeriod);
        Assert.Equal(TimeSpan.FromSeconds(seconds), o.ReplenishmentPeriod);
        Assert.Equal(10, o.TokenLimit);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Defaults_LoopbackExempt(string ip)
    {
        using var limiter = ChannelsRateLimiter.Create(new RateLimitOptions());
        Assert.Equal(5000, Granted(limiter, () => Request(ip, "POST"), 5000));
    }

    [Fact]
    public void Burst_ThenRefused_ReadsAndWritesApart()
    {
        using var limiter = ChannelsRateLimiter.Create(new RateLimitOptions { ReadBurst = 3, WriteBurst = 2 });
        Assert.Equal(3, Granted(limiter, () => Request("10.0.0.1"), 10));
        Assert.Equal(2, Granted(limiter, () => Request("10.0.0.1", "POST"), 10));
        Assert.Equal(3, Granted(limiter, () => Request("10.0.0.2"), 10));
    }

    [Fact]
    public void MadeUpKeys_ShareTheAnonymousBucket_ARealKeyHasItsOwn()
    {
        using var limiter = ChannelsRateLimiter.Create(new RateLimitOptions { ReadBurst = 3 });
        Assert.Equal(3, Granted(limiter, () => Request("10.0.0.1", key: Guid.NewGuid().ToString()), 10));
        Assert.Equal(3, Granted(limiter, () => Request("10.0.0.1", key: "admin-key"), 10));
    }

    [Fact]
    public void Ipv6_OneBucketPerSlash64()
    {
        using var limiter = ChannelsRateLimiter.Create(new RateLimitOptions { ReadBurst = 3 });
        var n = 0;
        Assert.Equal(3, Granted(limiter, () => Request($"2001:db8:1:2::{++n:x}"), 10));
        Assert.Equal("10.1.2.3", ChannelsRateLimiter.ClientOf(IPAddress.Parse("::ffff:10.1.2.3")));
    }

    [Fact]
    public void Disabled_NoLimit()
    {
        using var limiter = ChannelsRateLimiter.Create(new RateLimitOptions { Enabled = false, ExemptLoopback = false, ReadBurst = 1 });
        Assert.Equal(100, Granted(limiter, () => Request("10.0.0.1"), 100));
    }
}
