using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Channels.Weibo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Configuration;

/// <summary>
/// Settings a deployment must give outside the sandbox profile (<see cref="SandboxProfile"/>): each channel's address and
/// credentials and the site's public address. A missing one fails the start (ValidateOnStart) naming the setting, in
/// English with the Chinese in brackets, e.g. "Channels:WeChat:AppId is required outside the sandbox profile (微信公众号AppID未配置)".
/// infra/modules/function-app.bicep sets every one of them.
/// </summary>
public static class ProductionSettings
{
    public static readonly IReadOnlyList<(string Key, string What)> Required =
    [
        ("Channels:Website:BaseUrl", "政府网站的公开地址"),
        ("Channels:WeChat:BaseUrl", "微信公众平台接口地址"),
        ("Channels:WeChat:AppId", "微信公众号AppID"),
        ("Channels:WeChat:AppSecret", "微信公众号AppSecret"),
        ("Channels:Weibo:BaseUrl", "微博开放平台接口地址"),
        ("Channels:Weibo:AccessToken", "微博access_token"),
        ("Channels:Sms:BaseUrl", "腾讯云短信接口地址"),
        ("Channels:Sms:SecretId", "腾讯云SecretId"),
        ("Channels:Sms:SecretKey", "腾讯云SecretKey"),
        ("Channels:Sms:SmsSdkAppId", "短信应用SdkAppId"),
    ];

    public static IServiceCollection AddProductionSettingsValidation(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<WebsiteOptions>, Check<WebsiteOptions>>();
        services.AddSingleton<IValidateOptions<WeChatOptions>, Check<WeChatOptions>>();
        services.AddSingleton<IValidateOptions<WeiboOptions>, Check<WeiboOptions>>();
        services.AddSingleton<IValidateOptions<SmsOptions>, Check<SmsOptions>>();
        return services;
    }

    /// <summary>
    /// The failures for one options section: every required key of <paramref name="section"/> whose property (the key's last
    /// part, e.g. AppId) is empty on <paramref name="options"/>.
    /// </summary>
    public static IReadOnlyList<string> Missing(string section, object options) =>
        [.. Required.Where(r => r.Key.StartsWith(section + ":", StringComparison.Ordinal))
            .Where(r => string.IsNullOrWhiteSpace(options.GetType().GetProperty(r.Key[(section.Length + 1)..])!.GetValue(options) as string))
            .Select(r => $"{r.Key} is required outside the sandbox profile ({r.What}未配置)")];

    sealed class Check<T>(IConfiguration configuration) : IValidateOptions<T> where T : class
    {
        static readonly string Section = (string)typeof(T).GetField("SectionName")!.GetValue(null)!;

        public ValidateOptionsResult Validate(string? name, T options)
        {
            if (SandboxProfile.IsSelected(configuration)) return ValidateOptionsResult.Success;
            var missing = Missing(Section, options);
            return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
        }
    }
}
