using Channels.Publishing.Configuration;
using Channels.Sandbox;

namespace Channels.Local;

/// <summary>
/// With Channels:Sandbox:Embedded=true (what ./channels serve and demo set) the local host starts the channel
/// sandbox in the same process on its own loopback port (CHANNELS_SANDBOX_PORT, 7081; 0 = any free port) and points
/// every channel client at it, unless a channel's BaseUrl is configured explicitly. Calls still go over real HTTP.
/// </summary>
internal static class EmbeddedSandbox
{
    public static async Task<WebApplication?> StartIfWantedAsync(WebApplicationBuilder builder)
    {
        if (!string.Equals(builder.Configuration["Channels:Sandbox:Embedded"], "true", StringComparison.OrdinalIgnoreCase)) return null;
        var port = builder.Configuration["CHANNELS_SANDBOX_PORT"] ?? "7081";
        // The PUBLISHJOBFINISH push goes to Channels:Sandbox:WeChatPushUrl (e.g. http://127.0.0.1:7071/api/channels/wechat/events),
        // signed with our own Channels:WeChat:EventToken, so the sandbox plays the account's configured server URL.
        var sandbox = SandboxApp.Build(["--urls", $"http://127.0.0.1:{port}"], o =>
        {
            o.WeChatPushUrl = builder.Configuration["Channels:Sandbox:WeChatPushUrl"] ?? "";
            o.WeChatPushToken = builder.Configuration["Channels:WeChat:EventToken"] ?? "";
            // The site we link to is the app's bound safe domain (安全域名), as an operator configures it at Weibo.
            var siteUrl = builder.Configuration["Channels:Website:BaseUrl"] ?? SandboxProfile.Settings["Channels:Website:BaseUrl"];
            if (Uri.TryCreate(siteUrl, UriKind.Absolute, out var site)) o.WeiboSafeDomains += "," + site.Host;
            if (builder.Configuration["Channels:Sandbox:WeiboSafeDomains"] is { Length: > 0 } safe) o.WeiboSafeDomains = safe;
        });
        await sandbox.StartAsync();
        var url = sandbox.Urls.First().TrimEnd('/');
        var defaults = new Dictionary<string, string?>
        {
            ["Channels:WeChat:BaseUrl"] = $"{url}/wechat/",
            ["Channels:Weibo:BaseUrl"] = $"{url}/weibo/",
            ["Channels:Sms:BaseUrl"] = $"{url}/sms/",
        };
        builder.Configuration.AddInMemoryCollection(defaults.Where(d => string.IsNullOrEmpty(builder.Configuration[d.Key])));
        return sandbox;
    }
}
