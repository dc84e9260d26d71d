using Channels.Publishing.Channels;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Operations;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The body of the delivery activities, shared by both hosts: read the ledger row, skip what is already final,
/// let the channel's publisher do the next step, then record the result — counting the post when it is delivered.
/// </summary>
public sealed class DeliveryService(
    PublicationStore publications,
    DeliveryLedger ledger,
    CountingIndex counting,
    IEnumerable<IChannelPublisher> publishers,
    IEnumerable<IChannelPacer> pacers,
    ChannelCatalog channels,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Api.DeliveryOptions> options,
    ILogger<DeliveryService> logger)
{
    readonly Dictionary<string, IChannelPublisher> byChannel = publishers.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    public async Task<ChannelOutcome> DeliverAsync(ChannelTask task, CancellationToken ct = default)
    {
        var record = Effective(await publications.GetArchivedAsync(task.ItemId, ct), task);
        // A verdict check, or a paced channel whose slot planning may have written a queued row, finds its row with
        // one read; a first send writes its intent with one insert (the usual case: no read before it).
        var known = task.Check || channels.IsPaced(task.Channel) ? await ledger.FindAsync(task.ItemId, task.Channel, ct) : null;
        var (entry, created) = known is not null
            ? (known, false)
            : await ledger.GetOrCreateIntentAsync(task.ItemId, task.Channel, record.ContentHash, task.Check ? 0 : 1, ct);
        if (DeliveryState.IsFinal(entry.State)) return Outcome(entry);

        var publisher = byChannel.GetValueOrDefault(task.Channel) ?? throw new InvalidOperationException($"no publisher for channel {task.Channel}");
        var job = new DeliveryJob(record.Item, entry, c => ledger.SaveAsync(entry, c));
        if (!task.Check && !created)
        {
            entry.Attempts++;
            entry.State = DeliveryState.Intent;
            entry.Error = null; // the previous attempt's error stays in the history
            entry.NotBefore = null;
            await ledger.SaveAsync(entry, ct);
        }

        ChannelStep step;
        try
        {
            step = task.Check ? await publisher.CheckAsync(job, ct) : await publisher.SendAsync(job, ct);
        }
        catch (PermanentChannelException e)
        {
            step = ChannelStep.Failed(e.Message);
        }
        catch (Exception e) when (e is IQuotaLimited { Window: { } window })
        {
            return await DeferAsync(task, entry, window, e.Message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Delivery of {ItemId} to {Channel} failed (attempt {Attempt}); the orchestration retries", task.ItemId, task.Channel,
                entry.Attempts);
            entry.Error = e.Message;
            await ledger.SaveAsync(entry, ct);
            throw;
        }

        if (step.State == DeliveryState.Delivered && step.Counted is { Count: > 0 } counted)
        {
            await counting.CountAsync(record.Year, ChinaTime.ToChina(record.PublishAt).Month, counted, ct);
        }

        // Still waiting for the platform's verdict: nothing new to record.
        if (task.Check && step.State == DeliveryState.Accepted && entry.State == DeliveryState.Accepted && step.Platform is null) return Outcome(entry);
        if (step.Platform is { } platform) LedgerProgress.Apply(entry, platform);

        var now = time.GetUtcNow();
        if (step.State == DeliveryState.Accepted) entry.AcceptedAt ??= now;
        if (DeliveryState.IsFinal(step.State)) entry.FinishedAt = now;
        if (DeliveryState.IsFailure(step.State)) entry.Error = step.Error;
        else if (step.State == DeliveryState.Delivered) entry.Error = step.Note;
        entry.State = step.State;
        if (step.State == DeliveryState.QueuedForDigest) DeliveryHistory.Append(entry, now, step.Error);
        await ledger.SaveAsync(entry, ct);
        logger.LogInformation("Item {ItemId} on {Channel}: {State}", task.ItemId, task.Channel, entry.State);
        if (entry.State == DeliveryState.CredentialsExpired) logger.LogCredentialsHeld(task.ItemId, task.Channel, entry.Error);
        else if (entry.State == DeliveryState.Failed) logger.LogChannelFailed(task.ItemId, task.Channel, entry.Error);
        return Outcome(entry);
    }

    /// <summary>
    /// A quota or rate limit: no retry now. A send step goes back to queued until the window has passed; a verdict
    /// check stays awaiting-verdict and its next poll waits as long. The orchestration waits on a durable timer.
    /// </summary>
    async Task<ChannelOutcome> DeferAsync(ChannelTask task, DeliveryEntry entry, QuotaWindow window, string message, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var notBefore = QuotaDeferral.NotBefore(window, now, o.QuotaMinuteSeconds, o.QuotaHourSeconds, o.QuotaDeferCapSeconds);
        logger.LogWarning("Delivery of {ItemId} to {Channel} hit a {Window} quota; deferred until {NotBefore}", task.ItemId, task.Channel, window, notBefore);
        entry.State = task.Check ? DeliveryState.Accepted : DeliveryState.Queued;
        entry.NotBefore = notBefore;
        entry.Error = QuotaDeferral.Reason(window, message, notBefore);
        await ledger.SaveAsync(entry, ct);
        return Outcome(entry) with { NotBefore = notBefore };
    }

    /// <summary>
    /// When the channel may send this item: the channel's pacer decides (null = now). A channel already past its
    /// intent (something was sent) is never held again.
    /// </summary>
    public async Task<DeliverySlot> PlanAsync(ChannelTask task, CancellationToken ct = default)
    {
        var pacer = pacers.FirstOrDefault(p => p.Channel == task.Channel);
        if (pacer is null) return new DeliverySlot(null);
        var entry = await ledger.FindAsync(task.ItemId, task.Channel, ct);
        if (entry is not null) return new DeliverySlot(entry.State == DeliveryState.Queued ? entry.NotBefore : null);
        var record = Effective(await publications.GetArchivedAsync(task.ItemId, ct), task);
        var notBefore = await pacer.NotBeforeAsync(record.Item, ct);
        if (notBefore is not null)
        {
            logger.LogInformation("Item {ItemId} on {Channel} waits until {NotBefore}", task.ItemId, task.Channel, notBefore);
            await ledger.GetOrCreateAsync(task.ItemId, task.Channel, record.ContentHash, 0, DeliveryState.Queued, notBefore, ct);
        }

        return new DeliverySlot(notBefore);
    }

    public async Task<ChannelOutcome> FailAsync(ChannelFailure failure, CancellationToken ct = default)
    {
        var record = await publications.GetArchivedAsync(failure.ItemId, ct);
        var (entry, _) = await ledger.GetOrCreateIntentAsync(failure.ItemId, failure.Channel, record.ContentHash, 0, ct);
        if (DeliveryState.IsFinal(entry.State)) return Outcome(entry);
        entry.State = DeliveryState.Failed;
        entry.Error = failure.Reason;
        entry.FinishedAt = time.GetUtcNow();
        await ledger.SaveAsync(entry, ct);
        logger.LogChannelFailed(failure.ItemId, failure.Channel, failure.Reason);
        return Outcome(entry);
    }

    public Task SetStatusAsync(StatusChange change, CancellationToken ct = default) =>
        publications.UpdateStatusAsync(change.ItemId, change.Status, time.GetUtcNow(), change.Completed, null, ct);

    /// <summary>
    /// Recomputes the overall status from the ledger (after a publication, a retry or a retraction, whichever ends
    /// last) and stores it with each channel's state for the list view. Returns the status.
    /// </summary>
    public async Task<string> RefreshStatusAsync(string itemId, CancellationToken ct = default)
    {
        var record = await publications.FindAsync(itemId, ct) ?? throw new InvalidOperationException($"publication {itemId} not found");
        var entries = await ledger.ForItemAsync(itemId, record.ChannelList, ct);
        var rows = entries.ToDictionary(r => r.Channel, r => r.State, StringComparer.Ordinal);
        var states = record.ChannelList.Select(c => rows.GetValueOrDefault(c, "pending")).ToList();
        var status = PublicationStatus.From(states, record.Status);
        await publications.UpdateStatusAsync(itemId, status, time.GetUtcNow(), !states.Any(s => !DeliveryState.IsFinal(s)),
            string.Join(',', record.ChannelList.Zip(states, (c, s) => $"{c}={s}")), ct, PublicTimes.Columns(entries));
        return status;
    }

    /// <summary>The item as it goes out: with the rescheduled time when an editor moved it (counted in that time's year and month).</summary>
    static ArchivedItem Effective(ArchivedItem record, ChannelTask task) => task.PublishAt is not { } at || at == record.PublishAt
        ? record
        : record with { PublishAt = at, Year = ChinaTime.YearOf(at), Item = record.Item with { PublishAt = at } };

    static ChannelOutcome Outcome(DeliveryEntry e) => new(e.Channel, e.State, e.Url, e.PlatformId, e.Error);
}
