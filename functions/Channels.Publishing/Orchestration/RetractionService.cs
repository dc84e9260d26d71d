using Channels.Publishing.Channels;
using Channels.Publishing.Ledger;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The body of the retraction activity: a channel already retracted (or corrected) is left alone; one never
/// delivered is simply marked retracted so it is not sent later; a delivered one goes to its channel's retractor.
/// </summary>
public sealed class RetractionService(
    PublicationStore publications, DeliveryLedger ledger, IEnumerable<IChannelRetractor> retractors, TimeProvider time, ILogger<RetractionService> logger)
{
    readonly Dictionary<string, IChannelRetractor> byChannel = retractors.ToDictionary(r => r.Channel, StringComparer.Ordinal);

    public async Task<ChannelOutcome> RetractAsync(RetractChannel task, CancellationToken ct = default)
    {
        var record = await publications.GetArchivedAsync(task.ItemId, ct);
        var (entry, _) = await ledger.GetOrCreateAsync(task.ItemId, task.Channel, record.ContentHash, 0, DeliveryState.Retracted, null, ct);
        if (entry.State is DeliveryState.Retracted or DeliveryState.CorrectionSent) return Outcome(entry);

        if (task.GiveUpReason is not null)
        {
            await NoteAsync(entry, task.GiveUpReason, ct);
            return Outcome(entry);
        }

        if (entry.State != DeliveryState.Delivered || !byChannel.TryGetValue(task.Channel, out var retractor))
        {
            var sent = entry.State is DeliveryState.Delivered or DeliveryState.Accepted;
            entry.State = sent ? entry.State : DeliveryState.Retracted;
            await NoteAsync(entry, sent ? "该渠道不支持撤回，请人工处理" : "撤回：该渠道尚未送达，不再发送", ct);
            return Outcome(entry);
        }

        var step = await retractor.RetractAsync(new RetractJob(new DeliveryJob(record.Item, entry, c => ledger.SaveAsync(entry, c)), task.Reason,
            task.SmsCorrection), ct);
        entry.State = step.State;
        await NoteAsync(entry, step.Note, ct);
        logger.LogInformation("Item {ItemId} on {Channel}: {State} after retraction", task.ItemId, task.Channel, entry.State);
        return Outcome(entry);
    }

    async Task NoteAsync(DeliveryEntry entry, string note, CancellationToken ct)
    {
        DeliveryHistory.Append(entry, time.GetUtcNow(), note);
        await ledger.SaveAsync(entry, ct);
    }

    static ChannelOutcome Outcome(DeliveryEntry e) => new(e.Channel, e.State, e.Url, e.PlatformId, e.Error);
}
