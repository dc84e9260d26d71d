using Channels.Publishing.Api;
using Channels.Publishing.Ledger;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// Wakes the orchestration waiting for a channel's verdict after a push or a callback has recorded it in the ledger.
/// Any recorder makes one call once its verdict is saved:
/// <code>await signal.RaiseAsync(client, itemId, ChannelNames.WeChat, "PUBLISHJOBFINISH", ct);</code>
/// with the <see cref="DurableTaskClient"/> its host hands the endpoint (local host: from DI; Function App: the
/// [DurableClient] binding). Who waits is derived, not stored: the channel is delivered by the publication
/// (instance "pub-{item}") or, once an admin retried it, by the latest retry ("retry-{item}-{channel}-{n}", n = the
/// ledger row's Retries); each waits in the sub-orchestration "{that instance}-verdict-{channel}".
/// The event carries no verdict (only its source, for the log): the waiter reads the ledger, so a lost, late or
/// repeated event changes nothing but timing. Never throws: a verdict that could not be signalled is found by the
/// waiter's fallback poll.
/// </summary>
public sealed class VerdictSignal(DeliveryLedger ledger, ILogger<VerdictSignal> logger)
{
    /// <summary>The external event a channel's verdict wait listens for (one name per channel: channels wait side by side).</summary>
    public static string EventName(string channel) => "verdict-" + channel;

    /// <summary>The instance id of the verdict wait a delivering orchestration starts for <paramref name="channel"/>.</summary>
    public static string WaiterId(string deliveringInstanceId, string channel) => $"{deliveringInstanceId}-verdict-{channel}";

    /// <summary>The orchestration that delivers this channel now: the publication, or the admin's latest retry of the channel.</summary>
    public static string DeliveringInstance(string itemId, string channel, int retries) =>
        retries <= 0 ? PublicationsApi.InstanceId(itemId) : RetryChannelOrchestrator.InstanceId(itemId, channel, retries);

    /// <summary>Raises <see cref="WeChatDigestOrchestrator.PushEvent"/> at the digest of a China date; false when it is not running.</summary>
    public async Task<bool> RaiseDigestAsync(DurableTaskClient client, string date, CancellationToken ct)
    {
        var instance = WeChatDigestOrchestrator.InstanceId(date);
        try
        {
            if (await client.GetInstanceAsync(instance, getInputsAndOutputs: false, ct) is not { IsCompleted: false }) return false;
            await client.RaiseEventAsync(instance, WeChatDigestOrchestrator.PushEvent, "MASSSENDJOBFINISH", ct);
            logger.LogInformation("Mass-send verdict of the digest of {Date} signalled to {Instance}", date, instance);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Mass-send verdict of the digest of {Date} not signalled to {Instance}; its fallback poll will read it", date, instance);
            return false;
        }
    }

    /// <summary>Raises the verdict event at the waiting instance; false when no one waits (or the raise failed).</summary>
    public async Task<bool> RaiseAsync(DurableTaskClient client, string itemId, string channel, string source, CancellationToken ct)
    {
        string? waiter = null;
        try
        {
            if (await ledger.FindAsync(itemId, channel, ct) is not { } entry) return false;
            waiter = WaiterId(DeliveringInstance(itemId, channel, entry.Retries), channel);
            var instance = await client.GetInstanceAsync(waiter, getInputsAndOutputs: false, ct);
            if (instance is null || instance.IsCompleted)
            {
                logger.LogDebug("Verdict of {ItemId} on {Channel} ({Source}): no wait {Waiter} running", itemId, channel, source, waiter);
                return false;
            }

            await client.RaiseEventAsync(waiter, EventName(channel), source, ct);
            logger.LogInformation("Verdict of {ItemId} on {Channel} ({Source}) signalled to {Waiter}", itemId, channel, source, waiter);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Verdict of {ItemId} on {Channel} ({Source}) not signalled to {Waiter}; its fallback poll will read it",
                itemId, channel, source, waiter);
            return false;
        }
    }
}
