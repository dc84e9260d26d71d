using Channels.Publishing.Api;
using Channels.Publishing.Channels;
using Channels.Publishing.Channels.Bulletin;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Channels.Weibo;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Channels.Publishing;

/// <summary>Composition of the core, shared by the local host and the Function App.</summary>
public static class ChannelsServiceCollectionExtensions
{
    public static IServiceCollection AddChannelsCore(this IServiceCollection services)
    {
        services.TryAddSingletonTimeProvider();
        AddOptions<StorageOptions>(services, StorageOptions.SectionName);
        AddOptions<DeliveryOptions>(services, DeliveryOptions.SectionName);
        AddOptions<WebsiteOptions>(services, WebsiteOptions.SectionName);
        AddOptions<Reports.ReportOptions>(services, Reports.ReportOptions.SectionName);

        services.AddSingleton<ChannelsStorage>();
        // First hosted service of both hosts: every table and container exists before anything else starts.
        services.AddHostedService<StorageInitializer>();
        Columns.ColumnsRegistration.AddColumnCatalogue(services);
        services.AddSingleton<BodySanitizer>();
        services.AddSingleton<ListingBook>();
        services.AddSingleton<PublicationStore>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<CountingIndex>();
        services.AddSingleton<StatisticsService>();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton<RetractionService>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<ScheduleApi>();
        services.AddSingleton<DigestApi>();
        AddOptions<EscalationOptions>(services, EscalationOptions.SectionName);
        services.AddSingleton<Monitoring.ChannelHealthService>();
        services.AddSingleton<Monitoring.RulesService>();
        AddOptions<Rules.InterpretationOptions>(services, Rules.InterpretationOptions.SectionName);
        services.AddSingleton<PublicationsApi>();
        Preview.PreviewRegistration.AddPublicationPreview(services);
        services.AddSingleton<StatisticsApi>();
        services.AddSingleton<SmsCallbackApi>();
        services.AddSingleton<Orchestration.VerdictSignal>();
        services.AddSingleton<ActivityCancellation>();
        services.AddSingleton<SmsAudiencesApi>();
        services.AddSingleton<Channels.Sms.SmsAudienceStore>();
        services.AddSingleton<Channels.Sms.SmsAudienceResolver>();
        services.AddSmsOptOuts();
        services.AddSingleton<Api.SecurityHeaders>();
        services.AddSingleton<MonitoringApi>();
        services.AddSingleton<ChannelsApi>();
        services.AddSingleton<PublicationQuery>();
        services.AddSingleton<Api.Access.AccessGate>();
        services.AddOptions<Api.Access.AccessOptions>().BindConfiguration(Api.Access.AccessOptions.SectionName)
            .PostConfigure<IConfiguration>((o, config) =>
            {
                o.EditorKey ??= config["CHANNELS_KEY_EDITOR"];
                o.AdminKey ??= config["CHANNELS_KEY_ADMIN"];
                o.ReaderKey ??= config["CHANNELS_KEY_READER"];
            });
        Operations.InstancePurgeRegistration.AddInstancePurge(services);
        Configuration.ProductionSettings.AddProductionSettingsValidation(services);
        Attachments.AttachmentsRegistration.AddAttachments(services);

        // The five channels: one line each.
        services.AddWebsiteChannel();
        services.AddBulletinChannel();
        services.AddWeChatChannel();
        services.AddWeiboChannel();
        services.AddSmsChannel();
        return services;
    }

    static IServiceCollection AddWebsiteChannel(this IServiceCollection services)
    {
        services.AddChannel(WebsiteChannel.Descriptor);
        services.AddSingleton<ColumnArchive>();
        services.AddSingleton<SiteMaps>();
        services.AddSingleton<SitePages>();
        services.AddSingleton<IChannelRetractor, WebsiteRetractor>();
        return services.AddSingleton<IChannelPublisher, WebsitePublisher>();
    }

    static IServiceCollection AddBulletinChannel(this IServiceCollection services)
    {
        services.AddChannel(BulletinChannel.Descriptor);
        AddOptions<BulletinOptions>(services, BulletinOptions.SectionName);
        services.AddSingleton<BulletinArchive>();
        services.AddSingleton<IssueNumbers>();
        services.AddSingleton<BulletinExports>();
        services.AddSingleton<BulletinApi>();
        services.AddSingleton<IChannelRetractor, BulletinRetractor>();
        return services.AddSingleton<IChannelPublisher, BulletinPublisher>();
    }

    static IServiceCollection AddWeChatChannel(this IServiceCollection services)
    {
        services.AddChannel(WeChatChannel.Descriptor);
        AddOptions<WeChatOptions>(services, WeChatOptions.SectionName);
        services.AddSingleton<WeChatTokenCache>();
        services.AddSingleton<WeChatCover>();
        services.AddSingleton<WeChatReconciler>();
        services.AddSingleton<WeChatPublishIndex>();
        services.AddSingleton<WeChatBodyImages>();
        services.AddSingleton<WeChatPushRecorder>();
        services.AddSingleton<WeChatMassIndex>();
        services.AddSingleton<WeChatDigestVerdict>();
        services.AddSingleton<WeChatNonceCache>();
        services.AddSingleton<Api.WeChatEventsApi>();
        services.AddHttpClient<WeChatClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeChatOptions>>().Value.BaseUrl))
            .AddChannelResilience();
        services.AddSingleton<IChannelRetractor, WeChatRetractor>();
        services.AddSingleton<Monitoring.IChannelHealthProbe, WeChatHealthProbe>();
        services.AddSingleton<WeChatDigest>();
        return services.AddSingleton<IChannelPublisher, WeChatPublisher>();
    }

    static IServiceCollection AddWeiboChannel(this IServiceCollection services)
    {
        services.AddChannel(WeiboChannel.Descriptor);
        AddOptions<WeiboOptions>(services, WeiboOptions.SectionName);
        services.AddSingleton<IValidateOptions<WeiboOptions>, WeiboOptionsValidator>();
        services.AddHttpClient<WeiboClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeiboOptions>>().Value.BaseUrl))
            .AddChannelResilience();
        services.AddSingleton<WeiboCredentials>();
        services.AddSingleton<IChannelResumer>(sp => sp.GetRequiredService<WeiboCredentials>());
        services.AddSingleton<WeiboPostingWindow>();
        services.AddSingleton<IChannelPacer>(sp => sp.GetRequiredService<WeiboPostingWindow>());
        services.AddSingleton<Monitoring.IChannelHealthProbe, WeiboHealthProbe>();
        services.AddSingleton<IChannelRetractor, WeiboRetractor>();
        return services.AddSingleton<IChannelPublisher, WeiboPublisher>();
    }

    static IServiceCollection AddSmsChannel(this IServiceCollection services)
    {
        services.AddChannel(SmsChannel.Descriptor);
        AddOptions<SmsOptions>(services, SmsOptions.SectionName);
        services.AddHttpClient<TencentSmsClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<SmsOptions>>().Value.BaseUrl))
            .AddChannelResilience();
        services.AddSingleton<SmsBatchReconciler>();
        services.AddSingleton<SmsReceiptStore>();
        services.AddSingleton<IChannelPacer, SmsQuietHours>();
        services.AddSingleton<SmsPublisher>();
        services.AddSingleton<IEscalationNotifier, SmsDutyNotifier>();
        services.AddSingleton<SmsFollowUp>();
        services.AddHostedService<SmsFollowUpService>();
        services.AddSingleton<Monitoring.IChannelHealthProbe, SmsHealthProbe>();
        services.PostConfigure<SmsOptions>(o => SmsTemplateCatalog.Use(o));
        services.AddSingleton<IChannelRetractor, SmsCorrection>();
        return services.AddSingleton<IChannelPublisher>(sp => sp.GetRequiredService<SmsPublisher>());
    }

    /// <summary>
    /// Short HTTP-level retries for safe methods only: a POST that may have reached the platform is never
    /// re-sent here — the activity retries it after reading the ledger. Connections are recycled (<see cref="ChannelHttpLifetime"/>).
    /// </summary>
    static void AddChannelResilience(this IHttpClientBuilder builder) =>
        builder.WithPooledConnectionLifetime().AddStandardResilienceHandler(o =>
        {
            o.Retry.DisableForUnsafeHttpMethods();
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(20);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(45);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(45);
        });

    static void AddOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
