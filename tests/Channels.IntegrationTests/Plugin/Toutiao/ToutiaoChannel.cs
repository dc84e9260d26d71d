using Channels.Publishing.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests.Plugin.Toutiao;

/// <summary>
/// A sixth channel, 政务头条号, defined only in this folder: its descriptor (name, label, what it counts, the item
/// option it checks) and its services. A host adds it with one line: <c>services.AddToutiaoChannel()</c>. It talks
/// to <see cref="FakeToutiaoPlatform"/>, a made-up platform API for this test (not Toutiao's real open API).
/// </summary>
public static class ToutiaoChannel
{
    public const string Name = "toutiao";
    public const string Article = "article";

    /// <summary>This test channel's own rule on item titles (it shows a channel validating its item options).</summary>
    public const int MaxTitleLength = 80;

    public static readonly ChannelDescriptor Descriptor = new(Name, "政务头条号")
    {
        WatchedAccount = true,
        Metrics = [new(Article, "文章", "篇")],
        Validate = (p, item, _) =>
        {
            if (item.Title.Length > MaxTitleLength) p.Add("title", $"发布到政务头条号时标题不能超过{MaxTitleLength}个字符");
        },
    };

    /// <summary>The registration line: the descriptor, the platform client (Channels:Toutiao:BaseUrl), the publisher and the retractor.</summary>
    public static IServiceCollection AddToutiaoChannel(this IServiceCollection services)
    {
        services.AddChannel(Descriptor);
        services.AddHttpClient<ToutiaoClient>((sp, http) =>
            http.BaseAddress = new Uri(sp.GetRequiredService<IConfiguration>()["Channels:Toutiao:BaseUrl"] ?? "http://127.0.0.1:1/"));
        services.AddSingleton<IChannelRetractor, ToutiaoRetractor>();
        return services.AddSingleton<IChannelPublisher, ToutiaoPublisher>();
    }
}
