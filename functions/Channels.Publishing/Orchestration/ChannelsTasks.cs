using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The one table of orchestrators and activities. The local host registers it with the Durable worker; the Function App
/// declares one trigger per entry (named after the class, running the class's RunAsync), and a unit test fails when the
/// two differ. To add an activity: the TaskActivity class, one line here, one trigger in FunctionApp/DurableTriggers.cs.
/// </summary>
public static class ChannelsTasks
{
    public static readonly IReadOnlyList<Type> Orchestrators =
    [
        typeof(PublishOrchestrator),
        typeof(RetryChannelOrchestrator),
        typeof(VerdictWaitOrchestrator),
        typeof(RetractOrchestrator),
        typeof(WeChatDigestOrchestrator),
    ];

    public static readonly IReadOnlyList<Type> Activities =
    [
        typeof(DeliverActivity),
        typeof(PlanDeliveryActivity),
        typeof(FailChannelActivity),
        typeof(SetStatusActivity),
        typeof(RefreshStatusActivity),
        typeof(RetractChannelActivity),
        typeof(RecordScheduleActivity),
        typeof(EscalateActivity),
        typeof(PlanDigestActivity),
        typeof(SendDigestActivity),
        typeof(CheckDigestActivity),
    ];

    public static void Register(DurableTaskRegistry registry)
    {
        foreach (var type in Orchestrators) registry.AddOrchestrator(type);
        foreach (var type in Activities) registry.AddActivity(type);
    }
}
