using Channels.Publishing;
using Channels.Publishing.Channels;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Weibo;
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

    [Fact]
    public void AddChannelsCore_NoSettings_DefaultsToAzuriteAndSandbox()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("devstoreaccount1", provider.GetRequiredService<ChannelsStorage>().Web.AccountName);
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
