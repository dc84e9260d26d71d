using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests.Plugin.Toutiao;

/// <summary>The test host plus the sixth channel: its fake platform, its setting, and its one registration line.</summary>
public sealed class ToutiaoHost : ChannelsHost, IAsyncLifetime
{
    public FakeToutiaoPlatform Platform { get; private set; } = null!;

    protected override IEnumerable<string> ExtraArgs => [$"--Channels:Toutiao:BaseUrl={Platform.BaseUrl}"];

    protected override void AddServices(IServiceCollection services) => services.AddToutiaoChannel();

    async Task IAsyncLifetime.InitializeAsync()
    {
        Platform = await FakeToutiaoPlatform.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ToutiaoCollection : ICollectionFixture<ToutiaoHost>
{
    public const string Name = "toutiao";
}
