using Channels.Publishing.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.FunctionApp;

/// <summary>
/// One trigger per entry of <see cref="ChannelsTasks"/> (the Durable source generator is not used here): each is named
/// after its class and runs that class — the bodies live only in Channels.Publishing/Orchestration. A parity test
/// (tests/Channels.Tests/FunctionApp/TaskParityTests.cs) fails when this file and the table differ.
/// </summary>
public sealed class DurableTriggers
{
    [Function(nameof(PublishOrchestrator))]
    public static Task<PublicationOutcome> Publish([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PublishOrchestrator().RunAsync(context, context.GetInput<PublishRequest>()!);

    [Function(nameof(RetryChannelOrchestrator))]
    public static Task<ChannelOutcome> RetryChannel([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetryChannelOrchestrator().RunAsync(context, context.GetInput<RetryRequest>()!);

    [Function(nameof(VerdictWaitOrchestrator))]
    public static Task<ChannelOutcome> VerdictWait([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new VerdictWaitOrchestrator().RunAsync(context, context.GetInput<VerdictWait>()!);

    [Function(nameof(RetractOrchestrator))]
    public static Task<string> Retract([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetractOrchestrator().RunAsync(context, context.GetInput<RetractRequest>()!);

    [Function(nameof(WeChatDigestOrchestrator))]
    public static Task<string> Digest([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WeChatDigestOrchestrator().RunAsync(context, context.GetInput<DigestRequest>()!);

    [Function(nameof(DeliverActivity))]
    public Task<ChannelOutcome> Deliver([ActivityTrigger] ChannelTask input, FunctionContext ctx) =>
        Run<DeliverActivity, ChannelTask, ChannelOutcome>(ctx, input);

    [Function(nameof(PlanDeliveryActivity))]
    public Task<DeliverySlot> PlanDelivery([ActivityTrigger] ChannelTask input, FunctionContext ctx) =>
        Run<PlanDeliveryActivity, ChannelTask, DeliverySlot>(ctx, input);

    [Function(nameof(FailChannelActivity))]
    public Task<ChannelOutcome> FailChannel([ActivityTrigger] ChannelFailure input, FunctionContext ctx) =>
        Run<FailChannelActivity, ChannelFailure, ChannelOutcome>(ctx, input);

    [Function(nameof(SetStatusActivity))]
    public Task<bool> SetStatus([ActivityTrigger] StatusChange input, FunctionContext ctx) => Run<SetStatusActivity, StatusChange, bool>(ctx, input);

    [Function(nameof(RefreshStatusActivity))]
    public Task<string> RefreshStatus([ActivityTrigger] string input, FunctionContext ctx) => Run<RefreshStatusActivity, string, string>(ctx, input);

    [Function(nameof(RetractChannelActivity))]
    public Task<ChannelOutcome> RetractChannel([ActivityTrigger] RetractChannel input, FunctionContext ctx) =>
        Run<RetractChannelActivity, RetractChannel, ChannelOutcome>(ctx, input);

    [Function(nameof(RecordScheduleActivity))]
    public Task<bool> RecordSchedule([ActivityTrigger] ScheduleRecord input, FunctionContext ctx) =>
        Run<RecordScheduleActivity, ScheduleRecord, bool>(ctx, input);

    [Function(nameof(EscalateActivity))]
    public Task<bool> Escalate([ActivityTrigger] Escalation input, FunctionContext ctx) => Run<EscalateActivity, Escalation, bool>(ctx, input);

    [Function(nameof(PlanDigestActivity))]
    public Task<IReadOnlyList<string>> PlanDigest([ActivityTrigger] string input, FunctionContext ctx) =>
        Run<PlanDigestActivity, string, IReadOnlyList<string>>(ctx, input);

    [Function(nameof(SendDigestActivity))]
    public Task<string> SendDigest([ActivityTrigger] string input, FunctionContext ctx) => Run<SendDigestActivity, string, string>(ctx, input);

    [Function(nameof(CheckDigestActivity))]
    public Task<string> CheckDigest([ActivityTrigger] string input, FunctionContext ctx) => Run<CheckDigestActivity, string, string>(ctx, input);

    /// <summary>Builds the activity class from the invocation's services and runs it, as the local worker does.</summary>
    internal static Task<TOut> Run<TActivity, TIn, TOut>(FunctionContext ctx, TIn input) where TActivity : TaskActivity<TIn, TOut>
    {
        var activity = ActivatorUtilities.CreateInstance<TActivity>(ctx.InstanceServices);
        var instanceId = ctx.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId, ctx.CancellationToken), input);
    }

    /// <summary>The invocation's name, instance and cancellation (FunctionContext.CancellationToken: host shutdown or cancelled invocation).</summary>
    sealed class FunctionActivityContext(string name, string instanceId, CancellationToken cancellation) : CancellableActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId { get; } = instanceId;
        public override CancellationToken CancellationToken { get; } = cancellation;
    }
}
