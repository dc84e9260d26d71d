using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace Channels.Local.Durable;

/// <summary>
/// Wraps the Azure Storage orchestration service for the gRPC sidecar, which hands the tags of a sub-orchestration
/// (and of a scheduled activity) to the core as the protobuf map it received. Azure Storage serializes queue messages
/// with their .NET type names and cannot read that map back ("Error resolving type … Google.Protobuf.Collections.
/// MapField"), so the child never starts. Tags are copied into plain dictionaries before the messages are written,
/// and the sidecar's own history event subclasses are written as their data-contract types (see <see cref="AsContracts"/>);
/// everything else is passed through unchanged (including the query and purge clients the sidecar looks for).
/// </summary>
internal sealed class TagCopyingService<TService>(TService inner) : IOrchestrationService, IOrchestrationServiceClient,
    IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    where TService : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        if (newOrchestrationRuntimeState is not null) AsContracts(newOrchestrationRuntimeState);
        Copy(outboundMessages);
        Copy(orchestratorMessages);
        if (continuedAsNewMessage is not null) Copy([continuedAsNewMessage]);
        return inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages,
            continuedAsNewMessage, orchestrationState);
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage)
    {
        Copy([creationMessage]);
        return inner.CreateTaskOrchestrationAsync(creationMessage);
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        Copy([creationMessage]);
        return inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
    }

    /// <summary>
    /// The sidecar records a sub-orchestration's creation as its own subclass, which has no [DataContract]: the Azure
    /// Storage history table stores a type by its [DataMember]s, so the row would be written empty (no EventType) and
    /// the parent's history could never be read again. Such events are replaced by their data-contract base type.
    /// </summary>
    static void AsContracts(OrchestrationRuntimeState state)
    {
        for (var i = 0; i < state.NewEvents.Count; i++)
        {
            var e = state.NewEvents[i];
            if (e is null || Attribute.IsDefined(e.GetType(), typeof(DataContractAttribute), inherit: false)) continue;
            var contract = e.GetType().BaseType;
            while (contract is not null && !Attribute.IsDefined(contract, typeof(DataContractAttribute), inherit: false)) contract = contract.BaseType;
            if (contract is null) continue;
            var plain = (HistoryEvent)RuntimeHelpers.GetUninitializedObject(contract);
            for (var t = contract; t is not null; t = t.BaseType)
            {
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    f.SetValue(plain, f.GetValue(e));
            }

            Copy(plain);
            state.NewEvents[i] = plain;
            var at = state.Events.IndexOf(e);
            if (at >= 0) state.Events[at] = plain;
        }

        foreach (var e in state.NewEvents) Copy(e);
    }

    static void Copy(IEnumerable<TaskMessage>? messages)
    {
        foreach (var m in messages ?? []) Copy(m?.Event);
    }

    /// <summary>Any event with a Tags dictionary (ExecutionStarted, TaskScheduled, SubOrchestrationInstanceCreated…).</summary>
    static void Copy(HistoryEvent? e)
    {
        if (e?.GetType().GetProperty("Tags") is not { CanWrite: true } property) return;
        if (property.GetValue(e) is IDictionary<string, string> tags and not Dictionary<string, string>)
            property.SetValue(e, new Dictionary<string, string>(tags));
    }

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    // A host stopped before the service finished starting (a quick start and stop) must not call the Azure Storage
    // service's StopAsync: it throws a NullReferenceException from the sidecar's stopping callback, which ends the process.
    int started;

    public async Task StartAsync()
    {
        await inner.StartAsync();
        Interlocked.Exchange(ref started, 1);
    }

    public Task StopAsync() => StopAsync(false);
    public Task StopAsync(bool isForced) => Interlocked.CompareExchange(ref started, 0, 1) == 1 ? inner.StopAsync(isForced) : Task.CompletedTask;
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        inner.GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        inner.GetOrchestrationStateAsync(instanceId, executionId);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        inner.GetOrchestrationWithQueryAsync(query, cancellationToken);
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => inner.PurgeInstanceStateAsync(instanceId);
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => inner.PurgeInstanceStateAsync(purgeInstanceFilter);
}
