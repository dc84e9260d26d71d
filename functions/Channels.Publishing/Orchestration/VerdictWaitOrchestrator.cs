using Channels.Publishing.Ledger;
using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// Input of <see cref="VerdictWaitOrchestrator"/>: which channel of which item, the policy, the absolute end of the
/// verdict window, and how many waits earlier runs of this instance already made (the fallback poll's backoff).
/// </summary>
public sealed record VerdictWait(string ItemId, string Channel, DeliveryPolicy Policy, DateTimeOffset? PublishAt, DateTime DeadlineUtc, int Round = 0);

/// <summary>
/// Waits for the platform's final verdict on one channel of one item, as a sub-orchestration with a derived instance
/// id (<see cref="VerdictSignal.WaiterId"/>) so a push or a callback can wake it. Each wait races the event
/// "verdict-{channel}" against a durable timer (the fallback poll: VerdictPollSeconds, doubling up to
/// VerdictPollMaxSeconds); whichever comes first, the existing check activity runs once and reads the verdict from the
/// ledger (the single source of truth: the push recorded it there before raising the event). Each run opens with a
/// check — a verdict recorded before this run could listen is read there — and after VerdictWaitsPerRun waits the
/// instance continues as new, so its history stays bounded however long the window. No verdict by the deadline:
/// the channel is failed with 平台在规定时间内未给出最终结果. A check that fails (after its retries) is a missed poll, not
/// a failed channel.
/// </summary>
public sealed class VerdictWaitOrchestrator : TaskOrchestrator<VerdictWait, ChannelOutcome>
{
    public override async Task<ChannelOutcome> RunAsync(TaskOrchestrationContext context, VerdictWait input)
    {
        var p = input.Policy;
        var eventName = VerdictSignal.EventName(input.Channel);
        var outcome = await CheckAsync(context, input);

        // One live waiter at a time: a new one is registered as soon as the previous one fired (before the check runs),
        // so an event arriving during the check is kept for the next wait instead of completing an abandoned waiter.
        var signal = context.WaitForExternalEvent<string>(eventName);
        var round = input.Round;
        for (var waits = 0; outcome.State == DeliveryState.Accepted; waits++)
        {
            if (context.CurrentUtcDateTime >= input.DeadlineUtc)
            {
                var last = outcome.Error is { Length: > 0 } error ? $"（最后一次查询：{error}）" : "";
                return await context.CallActivityAsync<ChannelOutcome>(nameof(FailChannelActivity),
                    new ChannelFailure(input.ItemId, input.Channel, "平台在规定时间内未给出最终结果" + last));
            }

            var due = context.CurrentUtcDateTime.AddSeconds(p.VerdictPollDelaySeconds(round));
            if (outcome.NotBefore is { } deferred && deferred.UtcDateTime > due) due = deferred.UtcDateTime;
            if (due > input.DeadlineUtc) due = input.DeadlineUtc;
            using (var cancelTimer = new CancellationTokenSource())
            {
                var timer = context.CreateTimer(due, cancelTimer.Token);
                if (await Task.WhenAny(signal, timer) == signal)
                {
                    cancelTimer.Cancel(); // synchronous: CancelAsync would resume off the orchestration thread
                    signal = context.WaitForExternalEvent<string>(eventName);
                }
            }

            round++;
            if (waits + 1 >= p.VerdictWaitsPerRun)
            {
                // The next run's opening check is this wait's check.
                context.ContinueAsNew(input with { Round = round });
                return outcome;
            }

            outcome = await CheckAsync(context, input);
        }

        return outcome;
    }

    static async Task<ChannelOutcome> CheckAsync(TaskOrchestrationContext context, VerdictWait input)
    {
        try
        {
            return await context.CallActivityAsync<ChannelOutcome>(nameof(DeliverActivity),
                new ChannelTask(input.ItemId, input.Channel, Check: true, PublishAt: input.PublishAt), input.Policy.RetryOptions());
        }
        catch (TaskFailedException e)
        {
            return new ChannelOutcome(input.Channel, DeliveryState.Accepted, Error: e.FailureDetails.ErrorMessage);
        }
    }
}
