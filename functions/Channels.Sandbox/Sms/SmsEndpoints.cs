using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Sms;

/// <summary>Route of the Tencent SMS emulator: POST /sms/ (the real host's root), the api named by X-TC-Action.</summary>
internal static class SmsEndpoints
{
    public static void Map(WebApplication app)
    {
        var pipeline = app.Services.GetRequiredService<ApiPipeline>();
        var handlers = app.Services.GetRequiredService<SmsHandlers>();
        // Routing ignores the trailing slash: this serves both /sms and /sms/.
        app.MapPost("/sms/", pipeline.For(ChannelNames.Sms, Action, handlers.HandleAsync));
    }

    static string Action(HttpContext http) => http.Request.Headers["X-TC-Action"].ToString() is { Length: > 0 } action ? action : "(no action)";
}
