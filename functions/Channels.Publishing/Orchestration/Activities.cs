using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>One delivery step (send, or check for the verdict) of one item on one channel.</summary>
public sealed class DeliverActivity(DeliveryService delivery, ActivityCancellation cancel) : TaskActivity<ChannelTask, ChannelOutcome>
{
    public override Task<ChannelOutcome> RunAsync(TaskActivityContext context, ChannelTask input) => delivery.DeliverAsync(input, cancel.For(context));
}

/// <summary>Asks the channel's pacer when the item may be sent (a Weibo posting slot, SMS quiet hours).</summary>
public sealed class PlanDeliveryActivity(DeliveryService delivery, ActivityCancellation cancel) : TaskActivity<ChannelTask, DeliverySlot>
{
    public override Task<DeliverySlot> RunAsync(TaskActivityContext context, ChannelTask input) => delivery.PlanAsync(input, cancel.For(context));
}

/// <summary>Records a channel as failed for good.</summary>
public sealed class FailChannelActivity(DeliveryService delivery, ActivityCancellation cancel) : TaskActivity<ChannelFailure, ChannelOutcome>
{
    public override Task<ChannelOutcome> RunAsync(TaskActivityContext context, ChannelFailure input) => delivery.FailAsync(input, cancel.For(context));
}

/// <summary>Sets the publication's overall status.</summary>
public sealed class SetStatusActivity(DeliveryService delivery, ActivityCancellation cancel) : TaskActivity<StatusChange, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StatusChange input)
    {
        await delivery.SetStatusAsync(input, cancel.For(context));
        return true;
    }
}

/// <summary>Recomputes the publication's status from the ledger and returns it.</summary>
public sealed class RefreshStatusActivity(DeliveryService delivery, ActivityCancellation cancel) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => delivery.RefreshStatusAsync(input, cancel.For(context));
}

/// <summary>Takes one channel's post back (or sends the SMS correction).</summary>
public sealed class RetractChannelActivity(RetractionService retraction, ActivityCancellation cancel) : TaskActivity<RetractChannel, ChannelOutcome>
{
    public override Task<ChannelOutcome> RunAsync(TaskActivityContext context, RetractChannel input) => retraction.RetractAsync(input, cancel.For(context));
}

/// <summary>Records an editor's move or cancellation of a scheduled publication.</summary>
public sealed class RecordScheduleActivity(ScheduleService schedule, ActivityCancellation cancel) : TaskActivity<ScheduleRecord, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ScheduleRecord input)
    {
        await schedule.RecordAsync(input, cancel.For(context));
        return true;
    }
}

/// <summary>Escalates an emergency publication whose clock ran out with channels undelivered.</summary>
public sealed class EscalateActivity(EscalationService escalation, ActivityCancellation cancel) : TaskActivity<Escalation, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Escalation input)
    {
        await escalation.EscalateAsync(input, cancel.For(context));
        return true;
    }
}
