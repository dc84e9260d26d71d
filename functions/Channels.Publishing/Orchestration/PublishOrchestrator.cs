using Channels.Publishing.Ledger;
using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// One publication: wait for publishAt if it is in the future, fan out one delivery per channel (each retried by
/// the durable retry policy, paced channels first waiting on a durable timer for their slot, each polled with durable timers until the platform's final verdict), fan in, record
/// the overall outcome. Deterministic: time comes from the context, everything with I/O is an activity.
/// </summary>
public sealed class PublishOrchestrator : TaskOrchestrator<PublishRequest, PublicationOutcome>
{
    public override async Task<PublicationOutcome> RunAsync(TaskOrchestrationContext context, PublishRequest input)
    {
        if (input.PublishAt > context.CurrentUtcDateTime)
        {
            await context.CallActivityAsync<bool>(nameof(SetStatusActivity), new StatusChange(input.ItemId, PublicationStatus.Scheduled, false));
            await context.CreateTimer(input.PublishAt.UtcDateTime, CancellationToken.None);
        }

        await context.CallActivityAsync<bool>(nameof(SetStatusActivity), new StatusChange(input.ItemId, PublicationStatus.Publishing, false));
        var outcomes = await Task.WhenAll(input.Channels.Select(c => ChannelDelivery.RunAsync(context, input.ItemId, c, input.Policy)));

        // The ledger decides the final status: an admin's retry may have finished a channel meanwhile.
        var status = await context.CallActivityAsync<string>(nameof(RefreshStatusActivity), input.ItemId);
        return new PublicationOutcome(input.ItemId, status, outcomes);
    }
}
