using Microsoft.Extensions.DependencyInjection;

namespace Channels.Publishing.Attachments;

/// <summary>The attachments' services: one line in the core's composition.</summary>
public static class AttachmentsRegistration
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<AttachmentLinks>();
        return services.AddSingleton<AttachmentsApi>();
    }
}
