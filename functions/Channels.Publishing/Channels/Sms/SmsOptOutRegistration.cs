using Microsoft.Extensions.DependencyInjection;

namespace Channels.Publishing.Channels.Sms;

/// <summary>The opt-out list, its use at every send, and its admin and callback APIs.</summary>
public static class SmsOptOutRegistration
{
    public static IServiceCollection AddSmsOptOuts(this IServiceCollection services) => services
        .AddSingleton<SmsOptOutStore>()
        .AddSingleton<SmsOptOuts>()
        .AddSingleton<Api.SmsOptOutsApi>()
        .AddSingleton<Api.SmsReplyCallbackApi>();
}
