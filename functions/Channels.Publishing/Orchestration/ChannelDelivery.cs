using Channels.Publishing.Channels;
using Channels.Publishing.Ledger;
using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// One channel of one item, inside an orchestration: a paced channel first waits on a durable timer for its slot,
/// then the delivery activity runs under the durable retry policy; a channel the platform accepted awaits its final
/// verdict in <see cref="VerdictWaitOrchestrator"/> (woken by the push or callback, polled as a fallback). Retries
/// exhausted: after RecoveryRounds pauses the channel is recorded failed with the reason; no verdict in time: failed.
/// Used by the publication and by an admin's retry of one channel.
/// </summary>
public static class ChannelDelivery
{
    /// <param name="publishAt">The rescheduled publication time when an editor moved it (null: the submitted one).</param>
    public static async Task<ChannelOutcome> RunAsync(TaskOrchestrationContext context, string itemId, string channel, DeliveryPolicy p,
        DateTimeOffset? publishAt = null)
    {
        var retry = p.RetryOptions();
        for (var round = 0; ; round++)
        {
            try
            {
                return await AttemptAsync(context, itemId, channel, p, publishAt, retry);
            }
            catch (TaskFailedException) when (round < p.RecoveryRounds)
            {
                // The platform may be down for a while (or the client's circuit open): pause on a durable timer, then
                // run the step again — it reads the ledger and reconciles what an earlier round may have sent.
                await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(p.RecoveryDelaySeconds * (round + 1)), CancellationToken.None);
            }
            catch (TaskFailedException e)
            {
                var rounds = p.RecoveryRounds > 0 ? $"（共{p.RecoveryRounds + 1}轮）" : "";
                return await FailAsync(context, itemId, channel, $"重试{p.MaxAttempts}次后仍失败{rounds}：{e.FailureDetails.ErrorMessage}");
            }
        }
    }

    static async Task<ChannelOutcome> AttemptAsync(
        TaskOrchestrationContext context, string itemId, string channel, DeliveryPolicy p, DateTimeOffset? publishAt, TaskOptions retry)
    {
        if (p.IsPaced(channel))
        {
            var slot = await context.CallActivityAsync<DeliverySlot?>(nameof(PlanDeliveryActivity), new ChannelTask(itemId, channel, PublishAt: publishAt),
                retry);
            if (slot?.NotBefore is { } notBefore && notBefore.UtcDateTime > context.CurrentUtcDateTime)
            {
                await context.CreateTimer(notBefore.UtcDateTime, CancellationToken.None);
            }
        }

        var outcome = await context.CallActivityAsync<ChannelOutcome>(nameof(DeliverActivity), new ChannelTask(itemId, channel, PublishAt: publishAt), retry);
        for (var deferrals = 0; outcome.State == DeliveryState.Queued && outcome.NotBefore is { } notBefore; deferrals++)
        {
            // A quota or rate limit: wait the window out on a durable timer instead of retrying at once.
            if (deferrals >= p.MaxDeferrals)
            {
                return await FailAsync(context, itemId, channel, $"平台配额或频率限制持续，推迟{deferrals}次后仍未能发送：{outcome.Error}");
            }

            await context.CreateTimer(notBefore.UtcDateTime, CancellationToken.None);
            outcome = await context.CallActivityAsync<ChannelOutcome>(nameof(DeliverActivity), new ChannelTask(itemId, channel, PublishAt: publishAt), retry);
        }

        if (outcome.State == DeliveryState.Accepted)
        {
            // Accepted: the verdict comes later, as a push or callback event (polling only as a slow fallback).
            var wait = new VerdictWait(itemId, channel, p, publishAt, context.CurrentUtcDateTime.AddSeconds(p.VerdictWindowSeconds));
            outcome = await context.CallSubOrchestratorAsync<ChannelOutcome>(nameof(VerdictWaitOrchestrator), wait,
                new SubOrchestrationOptions { InstanceId = VerdictSignal.WaiterId(context.InstanceId, channel) });
        }

        return outcome;
    }

    static Task<ChannelOutcome> FailAsync(TaskOrchestrationContext context, string itemId, string channel, string reason) =>
        context.CallActivityAsync<ChannelOutcome>(nameof(FailChannelActivity), new ChannelFailure(itemId, channel, reason));
}
