using Channels.Publishing.Ledger;
using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>An admin's retry of one failed channel: the same delivery steps (reconciling first), then the status from the ledger.</summary>
public sealed class RetryChannelOrchestrator : TaskOrchestrator<RetryRequest, ChannelOutcome>
{
    /// <summary>The instance of the admin's <paramref name="retries"/>-th retry of a channel (the ledger row's Retries).</summary>
    public static string InstanceId(string itemId, string channel, int retries) =>
        $"retry-{itemId}-{channel}-{retries.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public override async Task<ChannelOutcome> RunAsync(TaskOrchestrationContext context, RetryRequest input)
    {
        var outcome = await ChannelDelivery.RunAsync(context, input.ItemId, input.Channel, input.Policy);
        await context.CallActivityAsync<string>(nameof(RefreshStatusActivity), input.ItemId);
        return outcome;
    }
}

/// <summary>
/// Retraction across channels: each channel's post is taken back (or, for SMS, corrected) by one activity under the
/// durable retry policy; a channel that cannot be retracted keeps its state with the reason in its history.
/// </summary>
public sealed class RetractOrchestrator : TaskOrchestrator<RetractRequest, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, RetractRequest input)
    {
        var p = input.Policy;
        var retry = p.RetryOptions();
        await Task.WhenAll(input.Channels.Select(async channel =>
        {
            var task = new RetractChannel(input.ItemId, channel, input.Reason, input.SmsCorrection);
            try
            {
                await context.CallActivityAsync<ChannelOutcome>(nameof(RetractChannelActivity), task, retry);
            }
            catch (TaskFailedException e)
            {
                await context.CallActivityAsync<ChannelOutcome>(nameof(RetractChannelActivity),
                    task with { GiveUpReason = $"撤回失败（重试{p.MaxAttempts}次）：{e.FailureDetails.ErrorMessage}" });
            }
        }));
        return await context.CallActivityAsync<string>(nameof(RefreshStatusActivity), input.ItemId);
    }
}

/// <summary>Orchestration input of an admin's retry.</summary>
public sealed record RetryRequest(string ItemId, string Channel, DeliveryPolicy Policy);

/// <summary>Orchestration input of a retraction.</summary>
public sealed record RetractRequest(string ItemId, IReadOnlyList<string> Channels, string Reason, string? SmsCorrection, DeliveryPolicy Policy);

/// <summary>Activity input: retract one channel; with <see cref="GiveUpReason"/>, only record that it could not be.</summary>
public sealed record RetractChannel(string ItemId, string Channel, string Reason, string? SmsCorrection, string? GiveUpReason = null);
