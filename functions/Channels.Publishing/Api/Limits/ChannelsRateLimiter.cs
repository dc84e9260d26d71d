using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Channels.Publishing.Api.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api.Limits;

/// <summary>
/// The rate limit as ASP.NET Core's rate-limiting middleware runs it: a global token-bucket limiter partitioned by
/// reads/writes, client IP (IPv6 by /64, so one host cannot rotate through its own prefix) and role. The role, not the
/// key, is in the partition: a made-up key counts as no key, so inventing keys cannot mint fresh buckets. Refusals are
/// 429 problem+json with Retry-After.
/// <para>
/// The local host uses it (AddChannelsRateLimiting + UseRateLimiter). The Function App does not: there the limits
/// belong in front of it — Azure Front Door's WAF rate-limit rules or API Management's rate-limit-by-key on client IP
/// and x-api-key — with the Functions host's own http.maxOutstandingRequests / maxConcurrentRequests (host.json) as
/// the backstop.
/// </para>
/// </summary>
public static class ChannelsRateLimiter
{
    public const string Title = "请求过于频繁";

    public static IServiceCollection AddChannelsRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            o.GlobalLimiter = Create(limits.Value);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions o) => PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
    {
        var ip = ctx.Connection.RemoteIpAddress;
        if (!o.Enabled || (o.ExemptLoopback && ip is not null && IPAddress.IsLoopback(ip))) return RateLimitPartition.GetNoLimiter("exempt");
        var read = HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method);
        var role = ctx.RequestServices.GetService<AccessGate>()?.RoleOf(ctx.Request) ?? ApiRole.None;
        var key = $"{(read ? "read" : "write")}|{ClientOf(ip)}|{role}";
        return read
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(o.ReadPermitsPerMinute, o.ReadBurst))
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(o.WritePermitsPerMinute, o.WriteBurst));
    });

    /// <summary>
    /// Exactly <paramref name="perMinute"/> a minute in whole tokens: every 60/gcd(perMinute, 60) seconds, perMinute/gcd
    /// tokens (120 → 2 a second, 100 → 5 every 3 s, 3 → 1 every 20 s).
    /// </summary>
    public static TokenBucketRateLimiterOptions Bucket(int perMinute, int burst)
    {
        var gcd = Gcd(perMinute, 60);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perMinute / gcd,
            ReplenishmentPeriod = TimeSpan.FromSeconds(60 / gcd),
            QueueLimit = 0,
            AutoReplenishment = false,
        };
    }

    /// <summary>The partition's client: the IPv4 address, or the /64 prefix of an IPv6 one.</summary>
    public static string ClientOf(IPAddress? ip)
    {
        if (ip is null) return "unknown";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiResponses.ProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, Title, $"请求过于频繁，请{seconds}秒后再试");
    }

    static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
