using Microsoft.Extensions.DependencyInjection;

namespace Channels.Publishing;

/// <summary>
/// Connection lifetime of the channel clients (WeChatClient, WeiboClient, TencentSmsClient). They are typed clients captured
/// by singletons (publishers, reconcilers, probes), so IHttpClientFactory can never rotate their handler. Instead of handler
/// rotation, the primary handler is a <see cref="System.Net.Http.SocketsHttpHandler"/> that retires each pooled connection
/// after <see cref="PooledConnectionLifetime"/>, so a platform's DNS change (WeChat, Weibo and Tencent Cloud all sit behind
/// DNS-balanced front ends) is picked up within that time, and handler rotation is switched off (infinite lifetime) so
/// the factory does not pretend to rotate what it cannot. This is the arrangement the .NET documentation gives for clients
/// used from singletons: https://learn.microsoft.com/dotnet/core/extensions/httpclient-factory#avoid-typed-clients-in-singleton-services
/// and https://learn.microsoft.com/dotnet/fundamentals/networking/http/httpclient-guidelines#recommended-use
/// </summary>
public static class ChannelHttpLifetime
{
    /// <summary>How long one pooled connection to a platform is reused before a fresh one (and a fresh DNS answer) is made.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    public static IHttpClientBuilder WithPooledConnectionLifetime(this IHttpClientBuilder builder) =>
        builder
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = PooledConnectionLifetime })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
}
