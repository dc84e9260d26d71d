using DurableTask.Core;

namespace Channels.Local.Durable;

/// <summary>
/// Wraps an orchestration service and reports higher work-item concurrency limits. The sidecar's dispatcher
/// throttles at these numbers; the in-memory service reports ProcessorCount (2 here: ~4 activities/s).
/// Everything else is passed through unchanged.
/// </summary>
internal sealed class ConcurrencyRaisingService(IOrchestrationService inner, IOrchestrationServiceClient client, int limit)
    : IOrchestrationService, IOrchestrationServiceClient
{
    public int MaxConcurrentTaskOrchestrationWorkItems => limit;
    public int MaxConcurrentTaskActivityWorkItems => limit;
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public Task StartAsync() => inner.StartAsync();
    public Task StopAsync() => inner.StopAsync();
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);
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
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages,
            continuedAsNewMessage, orchestrationState);
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => client.CreateTaskOrchestrationAsync(creationMessage);
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        client.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => client.SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => client.SendTaskOrchestrationMessageBatchAsync(messages);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        client.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => client.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => client.GetOrchestrationStateAsync(instanceId,
        allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => client.GetOrchestrationStateAsync(instanceId,
        executionId);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => client.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        client.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
}
