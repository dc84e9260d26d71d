using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The 5-hour rule for emergency items, inside the publication's orchestration: durable timers at the warning point
/// and at the deadline race the channels' deliveries; whichever point is reached with channels still undelivered
/// is escalated (an alert record, an SMS to the duty officers) by <see cref="EscalateActivity"/>.
/// </summary>
public static class EmergencyClock
{
    public const string Warning = "warning";
    public const string Breach = "breach";

    public static async Task WatchAsync(TaskOrchestrationContext context, string itemId, EmergencyClockPolicy clock, Task deliveries)
    {
        foreach (var (point, kind) in new[] { (clock.WarnAt, Warning), (clock.DeadlineAt, Breach) })
        {
            if (deliveries.IsCompleted) return;
            if (point.UtcDateTime > context.CurrentUtcDateTime)
            {
                using var cancelTimer = new CancellationTokenSource();
                var timer = context.CreateTimer(point.UtcDateTime, cancelTimer.Token);
                if (await Task.WhenAny(deliveries, timer) == deliveries)
                {
                    cancelTimer.Cancel(); // synchronous: CancelAsync would resume off the orchestration thread
                    return;
                }
            }

            await context.CallActivityAsync<bool>(nameof(EscalateActivity),
                new Escalation(itemId, kind, clock.IncidentAt, clock.DeadlineAt, context.CurrentUtcDateTime));
        }
    }
}
