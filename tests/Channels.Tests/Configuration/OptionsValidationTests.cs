using Channels.Publishing;
using Channels.Publishing.Channels;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Weibo;
using Channels.Publishing.Configuration;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.Tests.Configuration;

/// <summary>
/// The container the Function App builds (AddChannelsCore) with the settings an Azure deployment gives it.
/// Validation is checked both through the start-up validator the host runs and by resolving the options
/// directly, since ValidateOnStart alone has been skipped by some hosts (dotnet/runtime#96034).
/// </summary>
public class OptionsValidationTests
{
    /// <summary>The names infra/modules/function-app.bicep sets, with production-shaped values.</summary>
    static Dictionary<string, string?> AzureSettings() => new()
    {
        ["Channels:Storage:BlobServiceUri"] = "https://stchannels.blob.core.windows.net/",
        ["Channels:Storage:TableServiceUri"] = "https://stchannels.table.core.windows.net/",
        ["Channels:Storage:ClientId"] = "00000000-0000-0000-0000-000000000001",
        ["Channels:Website:BaseUrl"] = "https://stchannels.z7.web.core.windows.net",
        ["Channels:WeChat:BaseUrl"] = "https://api.weixin.qq.com/",
        ["Channels:WeChat:AppId"] = "wx0123456789abcdef",
        ["Channels:WeChat:AppSecret"] = "secret-from-key-vault",
        ["Channels:WeChat:ThumbMediaId"] = "thumb-media-id",
        ["Channels:Weibo:BaseUrl"] = "https://api.weibo.com/",
        ["Channels:Weibo:AccessToken"] = "token-from-key-vault",
        ["Channels:Weibo:Rip"] = "20.0.0.1",
        ["Channels:Sms:BaseUrl"] = "https://sms.tencentcloudapi.com/",
        ["Channels:Sms:SecretId"] = "AKID-from-key-vault",
        ["Channels:Sms:SecretKey"] = "key-from-key-vault",
        ["Channels:Sms:SmsSdkAppId"] = "1400123456",
        ["Channels:Sms:SignName"] = "芙蓉区政务公开",
        ["Channels:Sms:TemplateId"] = "2000123",
        ["Channels:Sms:Templates:0:Id"] = "2000123",
        ["Channels:Sms:Templates:0:Text"] = "芙蓉区政府信息公开：{1}详情请查阅区政府门户网站。",
        ["Channels:Sms:Templates:0:Variables:0:MaxLength"] = "40",
    };

    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddChannelsCore();
        return services.BuildServiceProvider();
    }

    static OptionsValidationException StartupFailure(ServiceProvider provider) =>
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

    [Fact]
    public void AddChannelsCore_AzureSettings_ValidatesAndResolvesEveryChannel()
    {
        using var provider = Build(AzureSettings());

        provider.GetRequiredService<IStartupValidator>().Validate();
        var publishers = provider.GetServices<IChannelPublisher>().ToList();
        var storage = provider.GetRequiredService<ChannelsStorage>();

        Assert.Equal(5, publishers.Count);
        Assert.Equal("https://stchannels.table.core.windows.net/", storage.Deliveries.Uri.GetLeftPart(UriPartial.Authority) + "/");
        Assert.Equal("stchannels", storage.Web.AccountName);
        Assert.Equal("secret-from-key-vault", provider.GetRequiredService<IOptions<WeChatOptions>>().Value.AppSecret);
    }

    /// <summary>No channel setting at all outside the sandbox profile: the start fails naming every one, not pointing at 127.0.0.1.</summary>
    [Fact]
    public void AddChannelsCore_NoSettings_StartFailsNamingEveryProductionSetting()
    {
        using var provider = Build([]);

        var failures = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.All(ProductionSettings.Required, r => Assert.Contains(failures,
            f => f.Contains($"{r.Key} is required outside the sandbox profile ({r.What}未配置)", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Channels:WeChat:AppId")]
    [InlineData("Channels:Weibo:AccessToken")]
    [InlineData("Channels:Sms:SecretKey")]
    [InlineData("Channels:Website:BaseUrl")]
    public void AddChannelsCore_AzureSettingsLackingOne_StartFailsNamingIt_InEnglishAndChinese(string key)
    {
        var settings = AzureSettings();
        settings.Remove(key);
        using var provider = Build(settings);

        var message = StartupFailure(provider).Message;
        Assert.Contains($"{key} is required outside the sandbox profile", message, StringComparison.Ordinal);
        Assert.Contains("未配置", message, StringComparison.Ordinal);
    }

    /// <summary>The sandbox profile names its values explicitly; with them the same empty configuration starts.</summary>
    [Fact]
    public void AddChannelsCore_SandboxProfile_DefaultsToAzuriteAndTheSandboxSettings()
    {
        var settings = SandboxProfile.Settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings[SandboxProfile.Key] = SandboxProfile.Name;
        using var provider = Build(settings);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("devstoreaccount1", provider.GetRequiredService<ChannelsStorage>().Web.AccountName);
        Assert.Equal("wx-sandbox-appid", provider.GetRequiredService<IOptions<WeChatOptions>>().Value.AppId);
    }

    [Fact]
    public void SandboxProfile_Apply_FillsOnlyWhatIsUnset_AndOnlyInTheProfile()
    {
        var production = new ConfigurationManager();
        Assert.False(SandboxProfile.Apply(production));
        Assert.Null(production["Channels:WeChat:AppId"]);

        var local = new ConfigurationManager();
        local.AddInMemoryCollection([new("Channels:WeChat:BaseUrl", "http://127.0.0.1:9999/wechat/")]);
        Assert.True(SandboxProfile.Apply(local, impliedByEmbeddedSandbox: true));
        Assert.Equal("http://127.0.0.1:9999/wechat/", local["Channels:WeChat:BaseUrl"]);
        Assert.Equal("AKIDsandbox", local["Channels:Sms:SecretId"]);
        Assert.True(SandboxProfile.IsSelected(local));

        var named = new ConfigurationManager();
        named.AddInMemoryCollection([new(SandboxProfile.Key, "production")]);
        Assert.False(SandboxProfile.Apply(named, impliedByEmbeddedSandbox: true));
    }

    [Fact]
    public void AddChannelsCore_EmptyWeChatAppSecret_FailsNamingAppSecret()
    {
        var settings = AzureSettings();
        settings["Channels:WeChat:AppSecret"] = "";
        using var provider = Build(settings);

        var startup = StartupFailure(provider);
        var direct = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WeChatOptions>>().Value);

        Assert.Equal(typeof(WeChatOptions), startup.OptionsType);
        Assert.Contains("AppSecret", startup.Message, StringComparison.Ordinal);
        Assert.Contains("AppSecret", direct.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannelsCore_WeiboBaseUrlNotAUrl_FailsNamingBaseUrl()
    {
        var settings = AzureSettings();
        settings["Channels:Weibo:BaseUrl"] = "api.weibo.com";
        using var provider = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WeiboOptions>>().Value);

        Assert.Equal(typeof(WeiboOptions), ex.OptionsType);
        Assert.Contains("BaseUrl", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BaseUrl", StartupFailure(provider).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannelsCore_RealWeiboWithoutRip_StartupFailsNamingRip()
    {
        var settings = AzureSettings();
        settings.Remove("Channels:Weibo:Rip");
        using var provider = Build(settings);

        Assert.Contains("Channels:Weibo:Rip", StartupFailure(provider).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannelsCore_BlobUriWithoutTableUri_FailsNamingTableServiceUri()
    {
        var settings = AzureSettings();
        settings.Remove("Channels:Storage:TableServiceUri");
        using var provider = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("TableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannelsCore_NoConnectionStringNorUris_FailsNamingConnectionString()
    {
        var settings = AzureSettings();
        settings.Remove("Channels:Storage:BlobServiceUri");
        settings.Remove("Channels:Storage:TableServiceUri");
        settings["Channels:Storage:ConnectionString"] = "";
        using var provider = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannelsCore_RelativeBlobUri_FailsNamingBlobServiceUri()
    {
        var settings = AzureSettings();
        settings["Channels:Storage:BlobServiceUri"] = "stchannels.blob.core.windows.net";
        using var provider = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("BlobServiceUri", ex.Message, StringComparison.Ordinal);
    }
}
