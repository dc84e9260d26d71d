using Microsoft.Extensions.Configuration;

namespace Channels.Publishing.Configuration;

/// <summary>
/// The sandbox profile (Channels:Profile=sandbox; the local host also selects it with Channels:Sandbox:Embedded=true, which
/// ./channels serve, demo and the tests set): the channel sandbox's addresses and credentials, set explicitly as settings
/// for every key the configuration leaves empty. The options classes have no such defaults any more, so outside this
/// profile a missing production setting stops the start (<see cref="ProductionSettings"/>) instead of silently pointing
/// a deployment at 127.0.0.1. The credentials are the ones the sandbox accepts (Channels.Sandbox SandboxOptions).
/// </summary>
public static class SandboxProfile
{
    public const string Key = "Channels:Profile";
    public const string Name = "sandbox";

    /// <summary>The sandbox on its standard port (CHANNELS_SANDBOX_PORT 7081); the embedded sandbox sets its own URLs first.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Channels:Website:BaseUrl"] = "http://127.0.0.1:7071/site",
        ["Channels:WeChat:BaseUrl"] = "http://127.0.0.1:7081/wechat/",
        ["Channels:WeChat:AppId"] = "wx-sandbox-appid",
        ["Channels:WeChat:AppSecret"] = "wx-sandbox-secret",
        ["Channels:Weibo:BaseUrl"] = "http://127.0.0.1:7081/weibo/",
        ["Channels:Weibo:AccessToken"] = "weibo-sandbox-token",
        ["Channels:Sms:BaseUrl"] = "http://127.0.0.1:7081/sms/",
        ["Channels:Sms:SecretId"] = "AKIDsandbox",
        ["Channels:Sms:SecretKey"] = "sandbox-secret-key",
        ["Channels:Sms:SmsSdkAppId"] = "1400000001",
    };

    public static bool IsSelected(IConfiguration configuration) =>
        string.Equals(configuration[Key], Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// In the sandbox profile (or, when <paramref name="impliedByEmbeddedSandbox"/> and no profile is named, with the embedded
    /// sandbox on) names the profile and adds <see cref="Settings"/> for every key not configured otherwise. Elsewhere: nothing.
    /// </summary>
    public static bool Apply(IConfigurationManager configuration, bool impliedByEmbeddedSandbox = false)
    {
        var selected = IsSelected(configuration) || (impliedByEmbeddedSandbox && string.IsNullOrEmpty(configuration[Key]));
        if (!selected) return false;
        var missing = Settings.Where(s => string.IsNullOrEmpty(configuration[s.Key])).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));
        configuration.AddInMemoryCollection([new(Key, Name), .. missing]);
        return true;
    }
}
