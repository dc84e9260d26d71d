using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>One delivery step (send, or check for the verdict) of one item on one channel.</summary>
public sealed class DeliverActivity(DeliveryService delivery) : TaskActivity<ChannelTask, ChannelOutcome>
{
    public override Task<ChannelOutcome> RunAsync(TaskActivityContext context, ChannelTask input) => delivery.DeliverAsync(input);
}

/// <summary>Asks the channel's pacer when the item may be sent (a Weibo posting slot, SMS quiet hours).</summary>
public sealed class PlanDeliveryActivity(DeliveryService delivery) : TaskActivity<ChannelTask, DeliverySlot>
{
    public override Task<DeliverySlot> RunAsync(TaskActivityContext context, ChannelTask input) => delivery.PlanAsync(input);
}

/// <summary>Records a channel as failed for good.</summary>
public sealed class FailChannelActivity(DeliveryService delivery) : TaskActivity<ChannelFailure, ChannelOutcome>
{
    public override Task<ChannelOutcome> RunAsync(TaskActivityContext context, ChannelFailure input) => delivery.FailAsync(input);
}

/// <summary>Sets the publication's overall status.</summary>
public sealed class SetStatusActivity(DeliveryService delivery) : TaskActivity<StatusChange, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StatusChange input)
    {
        await delivery.SetStatusAsync(input);
        return true;
    }
}

/// <summary>Recomputes the publication's status from the ledger and returns it.</summary>
public sealed class RefreshStatusActivity(DeliveryService delivery) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => delivery.RefreshStatusAsync(input);
}

/// <summary>Takes one channel's post back (or sends the SMS correction).</summary>
public sealed class RetractChannelActivity(RetractionService retraction) : TaskActivity<RetractChannel, ChannelOutcome>
{
    public override Task<ChannelOutcome> RunAsync(TaskActivityContext context, RetractChannel input) => retraction.RetractAsync(input);
}

/// <summary>Records an editor's move or cancellation of a scheduled publication.</summary>
public sealed class RecordScheduleActivity(ScheduleService schedule) : TaskActivity<ScheduleRecord, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ScheduleRecord input)
    {
        await schedule.RecordAsync(input);
        return true;
    }
}

/// <summary>Escalates an emergency publication whose clock ran out with channels undelivered.</summary>
public sealed class EscalateActivity(EscalationService escalation) : TaskActivity<Escalation, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Escalation input)
    {
        await escalation.EscalateAsync(input);
        return true;
    }
}

/// <summary>The one registration both hosts use.</summary>
public static class ChannelsTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<PublishOrchestrator>();
        registry.AddOrchestrator<RetryChannelOrchestrator>();
        registry.AddOrchestrator<VerdictWaitOrchestrator>();
        registry.AddOrchestrator<RetractOrchestrator>();
        registry.AddOrchestrator<WeChatDigestOrchestrator>();
        registry.AddActivity<PlanDigestActivity>();
        registry.AddActivity<SendDigestActivity>();
        registry.AddActivity<RefreshStatusActivity>();
        registry.AddActivity<RetractChannelActivity>();
        registry.AddActivity<RecordScheduleActivity>();
        registry.AddActivity<EscalateActivity>();
        registry.AddActivity<DeliverActivity>();
        registry.AddActivity<PlanDeliveryActivity>();
        registry.AddActivity<FailChannelActivity>();
        registry.AddActivity<SetStatusActivity>();
    }
}
