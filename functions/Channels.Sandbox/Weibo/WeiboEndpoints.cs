using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Weibo;

/// <summary>Routes of the Weibo emulator: the real host's /2/... paths under /weibo.</summary>
internal static class WeiboEndpoints
{
    public static void Map(WebApplication app)
    {
        var pipeline = app.Services.GetRequiredService<ApiPipeline>();
        var handlers = app.Services.GetRequiredService<WeiboHandlers>();
        app.MapPost("/weibo/2/statuses/share.json", pipeline.For(ChannelNames.Weibo, "statuses/share", handlers.ShareAsync));
        app.MapPost("/weibo/2/statuses/destroy.json", pipeline.For(ChannelNames.Weibo, "statuses/destroy", handlers.DestroyAsync));
    }
}
