using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Channels.Publishing.Channels;

/// <summary>Registers a channel's descriptor; the channel's own services (publisher, pacer, retractor…) are registered beside it.</summary>
public static class ChannelRegistration
{
    public static IServiceCollection AddChannel(this IServiceCollection services, ChannelDescriptor descriptor)
    {
        services.AddSingleton(descriptor);
        services.TryAddSingleton(sp => new ChannelCatalog(sp.GetServices<ChannelDescriptor>()));
        services.AddOptions<Api.DeliveryOptions>().PostConfigure<ChannelCatalog>((o, catalog) =>
            o.PacedChannels = [.. catalog.All.Where(c => c.Paced).Select(c => c.Name)]);
        return services;
    }
}

/// <summary>A channel whose sends an admin can resume after renewing its credentials (POST /api/channels/{channel}/resume).</summary>
public interface IChannelResumer
{
    string Channel { get; }

    /// <summary>Lifts the hold; false when the channel was not held.</summary>
    Task<bool> ResumeAsync(CancellationToken ct);
}
