using Channels.Publishing.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Channels.FunctionApp;

/// <summary>
/// The retention clock in Azure: app setting PurgeCron (infra sets "0 30 19 * * *" = 03:30 UTC+8) purges the history of
/// finished instances older than Channels:Purge:RetentionDays (the local host's PurgeScheduler does the same).
/// </summary>
public sealed class PurgeTimer(InstancePurge purge)
{
    [Function("PurgeFinishedInstances")]
    public Task Purge([TimerTrigger("%PurgeCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        purge.RunAsync(client, context.CancellationToken);
}
