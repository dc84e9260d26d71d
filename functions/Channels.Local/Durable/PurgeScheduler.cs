using Channels.Publishing.Operations;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Channels.Local.Durable;

/// <summary>
/// The local host's retention clock: a minute after start and then every Channels:Purge:IntervalMinutes it removes the
/// history of finished instances older than Channels:Purge:RetentionDays (the Function App's PurgeTimer does the same).
/// Registered on the azurestorage backend only.
/// </summary>
internal sealed class PurgeScheduler(DurableTaskClient client, InstancePurge purge, IOptions<PurgeOptions> options, TimeProvider time,
    ILogger<PurgeScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays <= 0) return;
        var wait = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, time, stoppingToken);
            wait = TimeSpan.FromMinutes(options.Value.IntervalMinutes);
            try
            {
                await purge.RunAsync(client, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage not reachable for a moment: the next round tries again.
                logger.LogWarning(e, "Purge of finished orchestration instances failed");
            }
        }
    }
}
