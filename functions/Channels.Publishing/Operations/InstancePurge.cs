using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Operations;

/// <summary>
/// Removes the Durable history of finished orchestration instances older than the retention, through
/// DurableTaskClient.PurgeAllInstancesAsync (both hosts: the Function App's PurgeTimer, the local host's PurgeScheduler).
/// Running, pending and suspended instances — scheduled items waiting on their timer — are never touched; a finished
/// publication is not restarted when re-submitted after its history is gone (PublicationsApi checks the record's status).
/// </summary>
public sealed class InstancePurge(IOptions<PurgeOptions> options, TimeProvider time, ILogger<InstancePurge> logger)
{
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Older than any instance of this system.</summary>
    public static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The filter for one run: finished instances created before now − retention; null when purging is off.</summary>
    public PurgeInstancesFilter? Filter()
    {
        var days = options.Value.RetentionDays;
        // An explicit lower bound: with none, the Azure Storage provider is handed DateTime.MinValue, which its table
        // query cannot carry (Azure Table dates start in 1601) and the purge fails.
        return days <= 0 ? null : new PurgeInstancesFilter(CreatedFrom: Epoch, CreatedTo: time.GetUtcNow().AddDays(-days), Statuses: Finished);
    }

    /// <summary>Purges once; returns the number of instances removed (0 when off).</summary>
    public async Task<int> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        if (Filter() is not { } filter) return 0;
        var result = await client.PurgeAllInstancesAsync(filter, ct);
        logger.LogInstancesPurged(result.PurgedInstanceCount, filter.CreatedTo!.Value);
        return result.PurgedInstanceCount;
    }
}

public static class InstancePurgeRegistration
{
    public static IServiceCollection AddInstancePurge(this IServiceCollection services)
    {
        services.AddOptions<PurgeOptions>().BindConfiguration(PurgeOptions.SectionName)
            .Validate(o => o.RetentionDays >= 0 && o.IntervalMinutes > 0, "Channels:Purge: RetentionDays ≥ 0 and IntervalMinutes > 0").ValidateOnStart();
        services.AddSingleton<InstancePurge>();
        return services;
    }
}
