using Channels.Publishing;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Weibo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Channels.Tests.Configuration;

/// <summary>
/// The channel clients live inside singletons, so their handler is never rotated: each must recycle its connections itself
/// (SocketsHttpHandler.PooledConnectionLifetime) and not claim a handler lifetime the factory cannot honour.
/// </summary>
public class ChannelHttpLifetimeTests
{
    public static TheoryData<string> Clients => [nameof(WeChatClient), nameof(WeiboClient), nameof(TencentSmsClient)];

    [Theory]
    [MemberData(nameof(Clients))]
    public void ChannelClient_RecyclesPooledConnections_WithoutHandlerRotation(string client)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging().AddChannelsCore();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(client);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.HandlerLifetime);
        var builder = provider.GetRequiredService<HttpMessageHandlerBuilder>();
        builder.Name = client;
        foreach (var action in options.HttpMessageHandlerBuilderActions) action(builder);
        var primary = Assert.IsType<SocketsHttpHandler>(builder.PrimaryHandler);
        Assert.Equal(ChannelHttpLifetime.PooledConnectionLifetime, primary.PooledConnectionLifetime);
        Assert.True(primary.PooledConnectionLifetime < TimeSpan.FromMinutes(10));
    }
}
