using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// SMS through Tencent Cloud: the audience in batches of ≤200, each batch's intent written before SendSms and its
/// per-number SerialNos right after (table smsreceipts, partition = item), plus one row per SerialNo (partition "sid")
/// so a receipt callback, which carries no SessionContext, finds its item. Delivered when every accepted number has its
/// receipt. A batch whose result was lost is reconciled with the platform (by SessionContext), never re-sent.
/// </summary>
public sealed class SmsPublisher(
    TencentSmsClient client, SmsBatchReconciler reconciler, SmsReceiptStore receiptStore, ChannelsStorage storage, IOptions<SmsOptions> options,
        TimeProvider time) : IChannelPublisher
{
    /// <summary>Partition of the SerialNo → item rows in table smsreceipts.</summary>
    public const string SidPartition = "sid";

    public string Channel => ChannelNames.Sms;

    public static string ReceiptKey(string serialNo) => "r-" + serialNo.Replace(":", "-", StringComparison.Ordinal);

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var item = job.Item;
        var phones = item.Sms!.Audience.Select(a => PhoneNumbers.Normalise(a)).OfType<string>().Distinct().ToList();
        int accepted = 0, unknown = 0, reconciled = 0;
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        var batches = phones.Chunk(options.Value.BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var key = $"batch-{i.ToString("D4", CultureInfo.InvariantCulture)}";
            var session = $"{item.Id}#{i}";
            var existing = await storage.SmsReceipts.GetEntityIfExistsAsync<TableEntity>(item.Id, key, cancellationToken: ct);
            SmsBatchResult? result = null;
            if (existing.HasValue && existing.Value is { } row)
            {
                if (row.GetBoolean("Sent") == true)
                {
                    accepted += row.GetInt32("Accepted") ?? 0;
                    foreach (var (masked, code) in SmsOutcomeText.Failures(row.GetString("Failures"))) refused[masked] = code;
                    reconciled += row.GetBoolean("Reconciled") == true ? 1 : 0;
                    continue;
                }

                if (row.GetBoolean("Unknown") == true || (result = await reconciler.ReconcileAsync(batches[i], session, row.GetDateTimeOffset("IntentAt")
                    ?? row.Timestamp ?? time.GetUtcNow(), ct)) is null)
                {
                    if (row.GetBoolean("Unknown") != true) await SaveBatchAsync(new TableEntity(item.Id, key) { ["Sent"] = false, ["Unknown"] = true,
                        ["Size"] = batches[i].Length }, ct);
                    unknown += batches[i].Length;
                    continue;
                }

                reconciled++;
            }
            else
            {
                var intent = await storage.SmsReceipts.AddEntityAsync(new TableEntity(item.Id, key) { ["Sent"] = false, ["Size"] = batches[i].Length,
                    ["IntentAt"] = time.GetUtcNow() }, ct);
                IReadOnlyList<SmsSendStatus> statuses;
                try
                {
                    statuses = await client.SendAsync(batches[i], item.Sms.Text, session, ct);
                }
                catch (TencentSmsException e) when (e.NothingSent)
                {
                    // Refused as a whole (a quota, a stale signature): nothing went out, so the next attempt may send this batch.
                    await storage.SmsReceipts.DeleteEntityAsync(item.Id, key, intent.Headers.ETag ?? Azure.ETag.All, ct);
                    throw;
                }

                result = new SmsBatchResult(
                    statuses.Where(s => s.Ok && s.SerialNo is not null).ToDictionary(s => s.PhoneNumber, s => s.SerialNo!),
                    statuses.Where(s => !s.Ok).ToDictionary(s => PhoneNumbers.Mask(s.PhoneNumber), s => s.Code));
            }

            await RecordAsync(item.Id, key, batches[i].Length, result, reconciled: existing.HasValue, ct);
            accepted += result.Accepted.Count;
            foreach (var (masked, code) in result.Refused) refused[masked] = code;
        }

        job.Entry.Units = accepted;
        job.Entry.PlatformId = $"{accepted}/{phones.Count}";
        job.Entry.Error = SmsOutcomeText.Problems(refused, unknown, reconciled);
        await job.SaveAsync(ct);
        return accepted > 0 ? ChannelStep.Awaiting() : ChannelStep.Failed(job.Entry.Error ?? "短信未被平台受理");
    }

    /// <summary>The SerialNo → item rows first (so no callback is orphaned), then the batch's result.</summary>
    async Task RecordAsync(string itemId, string key, int size, SmsBatchResult result, bool reconciled, CancellationToken ct)
    {
        var sids = result.Accepted.Values.Select(serial => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(SidPartition, ReceiptKey(serial)) { ["ItemId"] = itemId }));
        foreach (var chunk in sids.Chunk(100)) await storage.SmsReceipts.SubmitTransactionAsync(chunk, ct);
        await SaveBatchAsync(new TableEntity(itemId, key)
        {
            ["Sent"] = true, ["Size"] = size, ["Accepted"] = result.Accepted.Count, ["Rejected"] = result.Refused.Count, ["Reconciled"] = reconciled,
            ["Serials"] = JsonSerializer.Serialize(result.Accepted.Values), ["Failures"] = JsonSerializer.Serialize(result.Refused, ChannelsJson.Options),
        }, ct);
    }

    Task SaveBatchAsync(TableEntity row, CancellationToken ct) => storage.SmsReceipts.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);

    public async Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct)
    {
        await PullReceiptsAsync(ct);
        int receipts = 0, delivered = 0;
        await foreach (var r in storage.SmsReceipts.QueryAsync<TableEntity>(
            e => e.PartitionKey == job.Item.Id && e.RowKey.CompareTo("r-") >= 0 && e.RowKey.CompareTo("r.") < 0, cancellationToken: ct))
        {
            receipts++;
            if (r.GetString("Status") == "SUCCESS") delivered++;
        }

        if (receipts < job.Entry.Units) return ChannelStep.Awaiting();
        var total = job.Item.Sms!.Audience.Select(a => PhoneNumbers.Normalise(a)).OfType<string>().Distinct().Count();
        job.Entry.PlatformId = $"{delivered}/{total}"; // delivered of all the audience's numbers: refused ones are named in Error
        return ChannelStep.Delivered(new CountedPost(Channel, job.Item.Id, Metrics.Message, Units: delivered));
    }

    /// <summary>
    /// Pulled receipts are consumed by the platform, so each is stored under its own item before anything else. A pull
    /// the platform refuses for good (pulling not enabled for the account) is skipped: receipts then come by callback.
    /// </summary>
    async Task PullReceiptsAsync(CancellationToken ct)
    {
        for (var round = 0; round < 50; round++)
        {
            IReadOnlyList<SmsReceipt> receipts;
            try
            {
                receipts = await client.PullStatusAsync(100, ct);
            }
            catch (TencentSmsException e) when (e.IsPermanent)
            {
                return;
            }

            foreach (var group in receipts.GroupBy(r => r.SessionContext.Split('#')[0]))
            {
                await receiptStore.SaveAsync(group.Key, group, ct);
            }

            if (receipts.Count < 100) return;
        }
    }
}
