using Channels.Publishing.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Channels.FunctionApp;

/// <summary>
/// One-line trigger wrappers over the shared orchestrator and activities (the Durable source generator is not
/// served here). Function names equal the class names the orchestrator calls with nameof().
/// </summary>
public sealed class DurableTriggers(
    DeliveryService delivery, RetractionService retraction, ScheduleService schedule, EscalationService escalation,
        Channels.Publishing.Channels.WeChat.WeChatDigest digest)
{
    [Function(nameof(PublishOrchestrator))]
    public static Task<PublicationOutcome> Publish([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PublishOrchestrator().RunAsync(context, context.GetInput<PublishRequest>()!);

    [Function(nameof(RetryChannelOrchestrator))]
    public static Task<ChannelOutcome> RetryChannel([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetryChannelOrchestrator().RunAsync(context, context.GetInput<RetryRequest>()!);

    [Function(nameof(RetractOrchestrator))]
    public static Task<string> Retract([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetractOrchestrator().RunAsync(context, context.GetInput<RetractRequest>()!);

    [Function(nameof(RefreshStatusActivity))]
    public Task<string> RefreshStatus([ActivityTrigger] string itemId) => delivery.RefreshStatusAsync(itemId);

    [Function(nameof(RetractChannelActivity))]
    public Task<ChannelOutcome> RetractChannel([ActivityTrigger] RetractChannel input) => retraction.RetractAsync(input);

    [Function(nameof(WeChatDigestOrchestrator))]
    public static Task<string> Digest([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WeChatDigestOrchestrator().RunAsync(context, context.GetInput<DigestRequest>()!);

    [Function(nameof(PlanDigestActivity))]
    public Task<IReadOnlyList<string>> PlanDigest([ActivityTrigger] string date) => digest.PlanAsync(date, CancellationToken.None);

    [Function(nameof(SendDigestActivity))]
    public Task<string> SendDigest([ActivityTrigger] string date) => digest.SendAsync(date, CancellationToken.None);

    [Function(nameof(RecordScheduleActivity))]
    public async Task<bool> RecordSchedule([ActivityTrigger] ScheduleRecord input)
    {
        await schedule.RecordAsync(input);
        return true;
    }

    [Function(nameof(EscalateActivity))]
    public async Task<bool> Escalate([ActivityTrigger] Escalation input)
    {
        await escalation.EscalateAsync(input);
        return true;
    }

    [Function(nameof(DeliverActivity))]
    public Task<ChannelOutcome> Deliver([ActivityTrigger] ChannelTask input) => delivery.DeliverAsync(input);

    [Function(nameof(PlanDeliveryActivity))]
    public Task<DeliverySlot> PlanDelivery([ActivityTrigger] ChannelTask input) => delivery.PlanAsync(input);

    [Function(nameof(FailChannelActivity))]
    public Task<ChannelOutcome> FailChannel([ActivityTrigger] ChannelFailure input) => delivery.FailAsync(input);

    [Function(nameof(SetStatusActivity))]
    public async Task<bool> SetStatus([ActivityTrigger] StatusChange input)
    {
        await delivery.SetStatusAsync(input);
        return true;
    }
}
