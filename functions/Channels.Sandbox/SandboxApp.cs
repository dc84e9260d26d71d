using Channels.Sandbox.Admin;
using Channels.Sandbox.Infrastructure;
using Channels.Sandbox.Sms;
using Channels.Sandbox.WeChat;
using Channels.Sandbox.Weibo;

namespace Channels.Sandbox;

/// <summary>
/// Emulators of the WeChat OA (/wechat), Sina Weibo (/weibo) and Tencent Cloud SMS (/sms) APIs on one web app, with a
/// journal of every call, fault injection and reset under /sandbox. All state is in memory.
/// </summary>
public static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:7081";

    /// <summary>
    /// Builds (does not start) the app. Options bind from the configuration section "Sandbox", then
    /// <paramref name="configure"/> runs. Without --urls / ASPNETCORE_URLS it listens on <see cref="DefaultUrl"/>.
    /// </summary>
    public static WebApplication Build(string[] args, Action<SandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])
            && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = new SandboxOptions();
        builder.Configuration.GetSection("Sandbox").Bind(options);
        configure?.Invoke(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSandbox();

        var app = builder.Build();
        AdminEndpoints.Map(app);
        WeChatEndpoints.Map(app);
        WeiboEndpoints.Map(app);
        SmsEndpoints.Map(app);
        SmsReplyStore.Map(app);
        return app;
    }
}
