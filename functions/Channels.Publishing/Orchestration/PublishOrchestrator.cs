using Channels.Publishing.Channels;
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
        var outcomes = await Task.WhenAll(input.Channels.Select(c => DeliverAsync(context, input, c)));

        var delivered = outcomes.Count(o => o.State == DeliveryState.Delivered);
        var status = delivered == outcomes.Length ? PublicationStatus.Delivered
            : delivered == 0 ? PublicationStatus.Failed : PublicationStatus.PartiallyFailed;
        await context.CallActivityAsync<bool>(nameof(SetStatusActivity), new StatusChange(input.ItemId, status, true));
        return new PublicationOutcome(input.ItemId, status, outcomes);
    }

    static async Task<ChannelOutcome> DeliverAsync(TaskOrchestrationContext context, PublishRequest input, string channel)
    {
        var p = input.Policy;
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            p.MaxAttempts, TimeSpan.FromSeconds(p.FirstRetrySeconds), 2.0, TimeSpan.FromSeconds(p.MaxRetrySeconds)));
        try
        {
            if (ChannelPacing.IsPaced(channel))
            {
                var slot = await context.CallActivityAsync<DeliverySlot?>(nameof(PlanDeliveryActivity), new ChannelTask(input.ItemId, channel), retry);
                if (slot?.NotBefore is { } notBefore && notBefore.UtcDateTime > context.CurrentUtcDateTime)
                {
                    await context.CreateTimer(notBefore.UtcDateTime, CancellationToken.None);
                }
            }

            var outcome = await context.CallActivityAsync<ChannelOutcome>(nameof(DeliverActivity), new ChannelTask(input.ItemId, channel), retry);
            for (var poll = 0; outcome.State == DeliveryState.Accepted; poll++)
            {
                if (poll >= p.MaxVerdictPolls)
                {
                    return await FailAsync(context, input.ItemId, channel, "平台在规定时间内未给出最终结果");
                }

                await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(p.VerdictPollSeconds), CancellationToken.None);
                outcome = await context.CallActivityAsync<ChannelOutcome>(nameof(DeliverActivity), new ChannelTask(input.ItemId, channel, Check: true), retry);
            }

            return outcome;
        }
        catch (TaskFailedException e)
        {
            return await FailAsync(context, input.ItemId, channel, $"重试{p.MaxAttempts}次后仍失败：{e.FailureDetails.ErrorMessage}");
        }
    }

    static Task<ChannelOutcome> FailAsync(TaskOrchestrationContext context, string itemId, string channel, string reason) =>
        context.CallActivityAsync<ChannelOutcome>(nameof(FailChannelActivity), new ChannelFailure(itemId, channel, reason));
}
