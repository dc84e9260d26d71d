using Channels.Publishing.Ledger;
using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// One publication: hold it on a durable timer until publishAt (an editor may move or cancel it meanwhile: event
/// "schedule"), fan out one delivery per channel (<see cref="ChannelDelivery"/>), run the 5-hour clock of an
/// emergency item alongside, fan in, and take the final status from the ledger. Deterministic: time comes from the
/// context, everything with I/O is an activity.
/// </summary>
public sealed class PublishOrchestrator : TaskOrchestrator<PublishRequest, PublicationOutcome>
{
    public const string ScheduleEvent = "schedule";

    public override async Task<PublicationOutcome> RunAsync(TaskOrchestrationContext context, PublishRequest input)
    {
        var publishAt = input.PublishAt;
        if (publishAt > context.CurrentUtcDateTime)
        {
            await context.CallActivityAsync<bool>(nameof(SetStatusActivity), new StatusChange(input.ItemId, PublicationStatus.Scheduled, false));
            var held = await HoldAsync(context, input);
            if (held is null)
            {
                return new PublicationOutcome(input.ItemId, PublicationStatus.Cancelled, []);
            }

            publishAt = held.Value;
        }

        await context.CallActivityAsync<bool>(nameof(SetStatusActivity), new StatusChange(input.ItemId, PublicationStatus.Publishing, false));
        var moved = publishAt == input.PublishAt ? (DateTimeOffset?)null : publishAt;
        var all = Task.WhenAll(input.Channels.Select(c => ChannelDelivery.RunAsync(context, input.ItemId, c, input.Policy, moved)));
        if (input.Emergency is { } clock) await EmergencyClock.WatchAsync(context, input.ItemId, clock, all);
        var outcomes = await all;

        // The ledger decides the final status: an admin's retry may have finished a channel meanwhile.
        var status = await context.CallActivityAsync<string>(nameof(RefreshStatusActivity), input.ItemId);
        return new PublicationOutcome(input.ItemId, status, outcomes);
    }

    /// <summary>Waits for the publication time, following the editor's moves; null when the editor cancels.</summary>
    static async Task<DateTimeOffset?> HoldAsync(TaskOrchestrationContext context, PublishRequest input)
    {
        var at = input.PublishAt;
        while (at > context.CurrentUtcDateTime)
        {
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(at.UtcDateTime, cancelTimer.Token);
            var change = context.WaitForExternalEvent<ScheduleChange>(ScheduleEvent);
            if (await Task.WhenAny(timer, change) == timer) break;

            cancelTimer.Cancel(); // synchronous: CancelAsync would resume off the orchestration thread
            await context.CallActivityAsync<bool>(nameof(RecordScheduleActivity), new ScheduleRecord(input.ItemId, change.Result));
            if (change.Result.Cancel) return null;
            at = change.Result.PublishAt ?? at;
        }

        return at;
    }
}
