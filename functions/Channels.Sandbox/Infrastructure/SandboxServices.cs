using Channels.Sandbox.Faults;
using Channels.Sandbox.Journaling;
using Channels.Sandbox.Sms;
using Channels.Sandbox.WeChat;
using Channels.Sandbox.Weibo;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Channels.Sandbox.Infrastructure;

/// <summary>Registers the sandbox's singletons: state stores (resettable), handlers and the call pipeline.</summary>
internal static class SandboxServices
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxIds>();
        services.AddSingleton<ApiPipeline>();

        AddState<JournalStore>(services);
        AddState<FaultStore>(services);
        AddState<WeChatTokenStore>(services);
        AddState<WeChatMaterialStore>(services);
        AddState<WeChatDraftStore>(services);
        AddState<WeChatPublishStore>(services);
        AddState<WeChatMassStore>(services);
        AddState<WeChatVerdictPlan>(services);
        AddState<WeiboStore>(services);
        AddState<SmsStore>(services);
        AddState<SmsReplyStore>(services);

        services.AddSingleton<WeChatAuth>();
        services.AddSingleton<WeChatTokenHandlers>();
        services.AddSingleton<WeChatMaterialHandlers>();
        services.AddSingleton<WeChatDraftHandlers>();
        services.AddSingleton<WeChatPublishHandlers>();
        services.AddSingleton<WeChatPushSender>();
        services.AddSingleton<WeChatMassHandlers>();
        services.AddSingleton<WeiboHandlers>();
        services.AddSingleton<TencentAuthenticator>();
        services.AddSingleton<SmsHandlers>();
        return services;
    }

    static void AddState<T>(IServiceCollection services) where T : class, IResettable
    {
        services.AddSingleton<T>();
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<T>());
    }
}
