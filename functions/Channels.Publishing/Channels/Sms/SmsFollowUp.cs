using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// What happens to an SMS item after it counted as sent, outside any orchestration (run by <see cref="SmsFollowUpService"/>):
/// receipts are pulled (PullSmsSendStatus; consumed by the platform, so each is stored under its item, found by
/// SerialNo, before anything else) and batches of unknown outcome are looked at again — found by number and time
/// (then recorded, never re-sent), or, once the grace period has passed without any trace, sent. Each item touched
/// gets its ledger row refreshed: receipts, notes, recipients; a row the orchestration had to give up on (every batch
/// unknown) becomes delivered when a batch turns out accepted, and is counted then — the same counting row, so once.
/// </summary>
public sealed class SmsFollowUp(
    TencentSmsClient client, SmsPublisher publisher, SmsBatchReconciler reconciler, SmsReceiptStore receipts, ChannelsStorage storage,
    DeliveryLedger ledger, CountingIndex counting, Orchestration.DeliveryService delivery, IOptions<SmsOptions> options, TimeProvider time,
    ILogger<SmsFollowUp> logger)
{
    const int PullLimit = 100;
    const int MaxPullRounds = 50;

    public async Task RunOnceAsync(CancellationToken ct)
    {
        var touched = await PullReceiptsAsync(ct);
        touched.UnionWith(await ResolvePendingAsync(ct));
        foreach (var itemId in touched) await RefreshAsync(itemId, ct);
    }

    /// <summary>Receipts by SerialNo. A pull the platform refuses for good (not enabled for the account) is skipped: receipts then come by callback.</summary>
    async Task<HashSet<string>> PullReceiptsAsync(CancellationToken ct)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < MaxPullRounds; round++)
        {
            IReadOnlyList<SmsReceipt> pulled;
            try
            {
                pulled = await client.PullStatusAsync(PullLimit, ct);
            }
            catch (TencentSmsException e) when (e.IsPermanent)
            {
                logger.LogDebug("PullSmsSendStatus refused ({Code}); receipts come by callback only", e.Code);
                return touched;
            }

            var byItem = new Dictionary<string, List<SmsReceipt>>(StringComparer.Ordinal);
            foreach (var r in pulled)
            {
                if (await receipts.ItemOfAsync(r.SerialNo, ct) is not { } itemId)
                {
                    logger.LogInformation("SMS receipt for SerialNo {SerialNo} matches no batch of ours (yet); the reconciler finds it by number", r.SerialNo);
                    continue;
                }

                (byItem.TryGetValue(itemId, out var list) ? list : byItem[itemId] = []).Add(r);
            }

            foreach (var (itemId, list) in byItem)
            {
                await receipts.SaveAsync(itemId, list, ct);
                touched.Add(itemId);
            }

            if (pulled.Count < PullLimit) break;
        }

        return touched;
    }

    /// <summary>Each batch of unknown outcome: found → recorded; no trace after the grace period → sent (one follower wins the claim).</summary>
    async Task<HashSet<string>> ResolvePendingAsync(CancellationToken ct)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<TableEntity>();
        await foreach (var row in storage.SmsReceipts.QueryAsync<TableEntity>(e => e.PartitionKey == SmsPublisher.PendingPartition,
            cancellationToken: ct)) pending.Add(row);
        foreach (var index in pending)
        {
            var itemId = index.GetString("ItemId") ?? "";
            var key = index.GetString("Batch") ?? "";
            try
            {
                await ResolveAsync(itemId, key, index, ct);
                touched.Add(itemId); // its row shows what is pending (and replaces a generic "no verdict in time")
            }
            catch (Exception e) when (e is TencentSmsException or RequestFailedException or HttpRequestException)
            {
                logger.LogWarning(e, "SMS batch {Item}/{Batch} of unknown outcome: looked at again next round", itemId, key);
            }
        }

        return touched;
    }

    async Task<bool> ResolveAsync(string itemId, string key, TableEntity index, CancellationToken ct)
    {
        var found = await storage.SmsReceipts.GetEntityIfExistsAsync<TableEntity>(itemId, key, cancellationToken: ct);
        var row = found.HasValue ? found.Value : null;
        if (row?.GetBoolean("Sent") == true)
        {
            await storage.SmsReceipts.DeleteEntityAsync(SmsPublisher.PendingPartition, SmsPublisher.PendingKey(itemId, key), ETag.All, ct).IgnoreNotFound();
            return true;
        }

        var message = await MessageAsync(itemId, ct);
        if (message is null) return false;
        var phones = JsonSerializer.Deserialize<string[]>(row?.GetString("Phones") ?? index.GetString("Phones") ?? "[]") ?? [];
        if (phones.Length == 0) return false;
        var intentAt = row?.GetDateTimeOffset("IntentAt") ?? index.GetDateTimeOffset("IntentAt") ?? time.GetUtcNow();
        if (row is not null && row.GetBoolean("Unknown") != true)
        {
            // An intent without result and not yet marked: a resend that was cut short. Unknown again, from its own intent.
            row["Unknown"] = true;
            await storage.SmsReceipts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            await storage.SmsReceipts.UpsertEntityAsync(new TableEntity(SmsPublisher.PendingPartition, SmsPublisher.PendingKey(itemId, key))
                { ["ItemId"] = itemId, ["Batch"] = key, ["IntentAt"] = intentAt, ["Phones"] = row.GetString("Phones") }, TableUpdateMode.Replace, ct);
            return true;
        }

        SmsBatchResult? result;
        try
        {
            result = row is null ? null : await reconciler.ReconcileAsync(phones, intentAt, ct);
        }
        catch (SmsLookupUnavailableException e)
        {
            // Without the lookup "no trace" proves nothing: the batch stays pending for a person (health view), never re-sent blindly.
            logger.LogWarning("SMS batch {Item}/{Batch}: cannot look it up ({Code}); left pending", itemId, key, e.Code);
            return false;
        }

        if (row is not null && result is not null)
        {
            await publisher.RecordAsync(itemId, key, phones, result, reconciled: true, ct);
            logger.LogInformation("SMS batch {Item}/{Batch}: the platform shows {Count} of its numbers; recorded, not re-sent", itemId, key,
                result.Accepted.Count);
            return true;
        }

        if (time.GetUtcNow() < intentAt.AddHours(options.Value.UnknownBatchGraceHours)) return false;
        if (row is not null)
        {
            try
            {
                // The claim: only the follower that removes this exact row version sends the batch.
                await storage.SmsReceipts.DeleteEntityAsync(itemId, key, row.ETag, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return false;
            }
        }

        var i = int.Parse(key.AsSpan("batch-".Length), NumberStyles.None, CultureInfo.InvariantCulture);
        logger.LogWarning("SMS batch {Item}/{Batch}: no trace on the platform after the grace period; it was never sent and is sent now", itemId, key);
        await publisher.SendBatchAsync(itemId, i, phones, message, ct);
        return true;
    }

    async Task<SmsMessage?> MessageAsync(string itemId, CancellationToken ct)
    {
        var row = await storage.SmsReceipts.GetEntityIfExistsAsync<TableEntity>(itemId, SmsPublisher.MessageRow, cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } m) return null;
        var parameters = JsonSerializer.Deserialize<List<string>>(m.GetString("Params") ?? "[]", ChannelsJson.Options) ?? [];
        var text = m.GetString("Text") ?? "";
        return new SmsMessage(m.GetString("TemplateId") ?? "", parameters, text, text, m.GetInt32("Length") ?? 0, m.GetInt32("Segments") ?? 1);
    }

    /// <summary>The ledger row of an item from what its partition now holds; counted (again, the same row) when its recipients changed.</summary>
    public async Task RefreshAsync(string itemId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var entry = await ledger.FindAsync(itemId, ChannelNames.Sms, ct);
            if (entry is null) return; // an alert or a correction: not a ledger item, not counted
            var summary = await SmsDeliverySummary.ReadAsync(storage, itemId, options.Value, ct);
            var audience = int.TryParse(entry.PlatformId?.Split('/').ElementAtOrDefault(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : summary.Accepted + summary.Refused.Count + summary.PendingNumbers;
            var before = entry.Units;
            var state = entry.State;
            var (error, steps, platformId) = (entry.Error, entry.Steps, entry.PlatformId);
            summary.Apply(entry, audience);
            if (summary.Accepted == 0 && entry.Error is null) entry.Error = error;
            var now = time.GetUtcNow();
            if (summary.Accepted > 0 && DeliveryState.IsFailure(state))
            {
                entry.State = DeliveryState.Delivered;
                entry.FinishedAt = now;
                DeliveryHistory.Append(entry, now, "发送应答丢失的批次已核实为平台已受理（或已补发），按已发送计");
            }

            try
            {
                if (entry.State == DeliveryState.Delivered && summary.Accepted > 0 && (summary.Accepted != before || state != entry.State))
                {
                    var message = await storage.SmsReceipts.GetEntityIfExistsAsync<TableEntity>(itemId, SmsPublisher.MessageRow, cancellationToken: ct);
                    var year = message.HasValue ? message.Value!.GetInt32("Year") ?? 0 : 0;
                    var month = message.HasValue ? message.Value!.GetInt32("Month") ?? 0 : 0;
                    if (year > 0) await counting.CountAsync(year, month, [SmsPublisher.Counted(itemId, summary.Accepted)], ct);
                }

                if (entry.State == state && entry.Units == before && entry.Error == error && entry.Steps == steps && entry.PlatformId == platformId) return;
                await ledger.SaveAsync(entry, ct);
                if (entry.State != state) await delivery.RefreshStatusAsync(itemId, ct); // the publication's status follows the late verdict
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // The orchestration saved the row meanwhile: read it again.
            }
        }
    }
}
