using System.Text.Encodings.Web;
using System.Text.Json;

namespace Channels.Sandbox;

/// <summary>
/// Emulators of the WeChat OA, Weibo and Tencent SMS APIs on one loopback web app, with a journal of every call
/// (GET /sandbox/{wechat|weibo|sms}/journal), fault injection (POST/GET/DELETE /sandbox/faults) and reset.
/// </summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args, Action<SandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://127.0.0.1:7081");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var options = builder.Services.AddOptions<SandboxOptions>().BindConfiguration("Sandbox");
        if (configure is not null) options.Configure(configure);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddSingleton<Journal>();
        builder.Services.AddSingleton<FaultBook>();
        builder.Services.AddSingleton<WeChatEmulator>();
        builder.Services.AddSingleton<WeiboEmulator>();
        builder.Services.AddSingleton<TencentSmsEmulator>();

        var app = builder.Build();
        app.Services.GetRequiredService<WeChatEmulator>().Map(app);
        app.Services.GetRequiredService<WeiboEmulator>().Map(app);
        app.Services.GetRequiredService<TencentSmsEmulator>().Map(app);
        MapAdmin(app);
        return app;
    }

    static void MapAdmin(WebApplication app)
    {
        var journalOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        app.MapGet("/sandbox/health", () => Results.Json(new { ok = true }));
        app.MapGet("/sandbox/journal", (Journal j) => Results.Json(j.For(null), journalOptions));
        app.MapGet("/sandbox/{channel}/journal", (Journal j, string channel) =>
            channel is "wechat" or "weibo" or "sms" ? Results.Json(j.For(channel), journalOptions) : Results.NotFound());
        app.MapPost("/sandbox/faults", (FaultBook f, FaultRule rule) =>
        {
            if (rule.Channel is not ("wechat" or "weibo" or "sms")) return Results.BadRequest(new { error = "channel must be wechat, weibo or sms" });
            if (rule.Kind is not ("error" or "http500" or "timeout" or "slow" or "drop-after-commit")) return Results.BadRequest(new { error = "unknown kind" });
            if (rule.Count is null && rule.Rate is null) rule.Count = 1;
            return Results.Created($"/sandbox/faults/{f.Add(rule).Id}", rule);
        });
        app.MapGet("/sandbox/faults", (FaultBook f) => Results.Json(f.All));
        app.MapDelete("/sandbox/faults", (FaultBook f) =>
        {
            f.Clear();
            return Results.NoContent();
        });
        app.MapPost("/sandbox/reset", (Journal j, FaultBook f) =>
        {
            j.Clear();
            f.Clear();
            return Results.NoContent();
        });
    }
}
