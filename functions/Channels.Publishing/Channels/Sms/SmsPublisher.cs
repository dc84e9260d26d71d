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
/// SMS through Tencent Cloud, with an approved template (<see cref="SmsTemplateCatalog"/>): the audience in batches of
/// ≤200, each batch's intent written before SendSms and its per-number SerialNos right after (table smsreceipts,
/// partition = item), plus one row per SerialNo (partition "sid") through which every receipt — pulled or called
/// back, neither carries a usable SessionContext — finds its item.
/// The item counts as delivered when the platform accepted it (per-number Code "Ok"): one message, recipients =
/// accepted numbers. Receipts refine delivered/failed recipients afterwards (<see cref="SmsFollowUp"/>), over the
/// receipt window; a number without a receipt never turns the item failed. A batch whose answer was lost is
/// reconciled by number and time (<see cref="SmsBatchReconciler"/>); with no trace it stays pending until the grace
/// period has passed, then it is sent (<see cref="SmsFollowUp"/>).
/// </summary>
public sealed class SmsPublisher(
    TencentSmsClient client, SmsBatchReconciler reconciler, SmsReceiptStore receiptStore, ChannelsStorage storage, IOptions<SmsOptions> options,
        TimeProvider time,
    SmsOptOuts? optOuts = null) : IChannelPublisher
{
    /// <summary>Partition of the SerialNo → item rows in table smsreceipts.</summary>
    public const string SidPartition = "sid";

    /// <summary>Partition of the index of batches whose outcome is unknown (row = item|batch).</summary>
    public const string PendingPartition = "pending";

    /// <summary>The row of the message as sent (template, text, segments) in the item's partition.</summary>
    public const string MessageRow = "msg";

    public string Channel => ChannelNames.Sms;

    public static string ReceiptKey(string serialNo) => "r-" + serialNo.Replace(":", "-", StringComparison.Ordinal);

    public static string BatchKey(int i) => $"batch-{i.ToString("D4", CultureInfo.InvariantCulture)}";

    public static string Session(string itemId, int i) => $"{itemId}#{i}";

    public SmsTemplateCatalog Catalog => SmsTemplateCatalog.From(options.Value);

    /// <summary>The message an item's SMS becomes. Texts from inside the system (alerts, corrections) are shortened to fit the default template.</summary>
    public (SmsMessage? Message, string? Problem) MessageOf(SmsRequest sms)
    {
        var catalog = Catalog;
        var (message, problems) = catalog.Resolve(sms);
        if (message is not null) return (message, null);
        if (sms.Template is null && catalog.Fit(sms.Text) is { } fitted) return (fitted, null);
        return (null, string.Join("；", problems.Select(p => $"{p.Field}：{p.Message}")));
    }

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var item = job.Item;
        var (message, problem) = MessageOf(item.Sms!);
        if (message is null) return ChannelStep.Failed("短信无法按已审核模板发送：" + problem);
        await SaveMessageAsync(item, message, ct);
        var batches = Batches(item);
        var unknown = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            var key = BatchKey(i);
            var existing = await storage.SmsReceipts.GetEntityIfExistsAsync<TableEntity>(item.Id, key, cancellationToken: ct);
            if (existing.HasValue && existing.Value is { } row)
            {
                if (row.GetBoolean("Sent") == true) continue;
                var intentAt = row.GetDateTimeOffset("IntentAt") ?? row.Timestamp ?? time.GetUtcNow();
                SmsBatchResult? found;
                var lookup = true;
                try
                {
                    found = await reconciler.ReconcileAsync(batches[i], intentAt, ct);
                }
                catch (SmsLookupUnavailableException)
                {
                    (found, lookup) = (null, false);
                }

                if (found is not null)
                {
                    await RecordAsync(item.Id, key, batches[i], found, reconciled: true, ct);
                    continue;
                }

                await MarkUnknownAsync(item.Id, key, batches[i], intentAt, lookup, ct);
                unknown += batches[i].Length;
                continue;
            }

            await SendBatchAsync(item.Id, i, batches[i], message, ct);
        }

        var summary = await SmsDeliverySummary.ReadAsync(storage, item.Id, options.Value, ct);
        summary.Apply(job.Entry, Batches(item).Sum(b => b.Length));
        await job.SaveAsync(ct);
        if (summary.Accepted > 0) return ChannelStep.DeliveredWithNote(job.Entry.Error, Counted(item.Id, summary.Accepted));
        return unknown > 0 || summary.PendingBatches > 0 ? ChannelStep.Awaiting() : ChannelStep.Failed(job.Entry.Error ?? "短信未被平台受理");
    }

    public static CountedPost Counted(string itemId, int accepted) => new(ChannelNames.Sms, itemId, Metrics.Message, Units: accepted);

    /// <summary>Writes the intent, sends, records the SerialNos. A whole-request refusal (nothing sent) removes the intent and is thrown.</summary>
    internal async Task<SmsBatchResult> SendBatchAsync(string itemId, int i, string[] phones, SmsMessage message, CancellationToken ct)
    {
        var key = BatchKey(i);
        var intent = await storage.SmsReceipts.AddEntityAsync(new TableEntity(itemId, key)
        {
            ["Sent"] = false, ["Size"] = phones.Length, ["IntentAt"] = time.GetUtcNow(), ["Phones"] = JsonSerializer.Serialize(phones),
        }, ct);
        IReadOnlyList<SmsSendStatus> statuses;
        try
        {
            // The opt-out list applies to every send, however a number was addressed (SmsOptOuts).
            statuses = optOuts is null
                ? await client.SendAsync(phones, message.TemplateId, message.Params, Session(itemId, i), ct)
                : await optOuts.SendAsync(phones, message.TemplateId, message.Params, Session(itemId, i), ct);
        }
        catch (TencentSmsException e) when (e.NothingSent)
        {
            // Refused as a whole (a quota, a stale signature, a template rule): nothing went out, so a later attempt may send this batch.
            await storage.SmsReceipts.DeleteEntityAsync(itemId, key, intent.Headers.ETag ?? Azure.ETag.All, ct);
            if (e.IsPermanent && e.Window is null && SmsRefusals.IsContent(e.Code)) throw new PermanentChannelException(SmsRefusals.Reason(e.Code, e.Message));
            throw;
        }

        var result = new SmsBatchResult(
            statuses.Where(s => s.Ok && !string.IsNullOrEmpty(s.SerialNo)).ToDictionary(s => s.PhoneNumber, s => s.SerialNo!),
            statuses.Where(s => !s.Ok).ToDictionary(s => PhoneNumbers.Mask(s.PhoneNumber), s => s.Code));
        await RecordAsync(itemId, key, phones, result, reconciled: false, ct);
        return result;
    }

    /// <summary>The SerialNo → item rows first (so no receipt is orphaned), then the batch's result; the batch leaves the pending index.</summary>
    internal async Task RecordAsync(string itemId, string key, string[] phones, SmsBatchResult result, bool reconciled, CancellationToken ct)
    {
        var sids = result.Accepted.Values.Select(serial => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(SidPartition, ReceiptKey(serial)) { ["ItemId"] = itemId, ["Reconciled"] = reconciled }));
        foreach (var chunk in sids.Chunk(100)) await storage.SmsReceipts.SubmitTransactionAsync(chunk, ct);
        await SaveRowAsync(new TableEntity(itemId, key)
        {
            ["Sent"] = true, ["Size"] = phones.Length, ["Accepted"] = result.Accepted.Count, ["Rejected"] = result.Refused.Count, ["Reconciled"] = reconciled,
            ["Serials"] = JsonSerializer.Serialize(result.Accepted.Values), ["Failures"] = JsonSerializer.Serialize(result.Refused, ChannelsJson.Options),
            ["SentAt"] = time.GetUtcNow(),
        }, ct);
        if (result.Receipts.Count > 0) await receiptStore.SaveAsync(itemId, result.Receipts, ct);
        await storage.SmsReceipts.DeleteEntityAsync(PendingPartition, PendingKey(itemId, key), Azure.ETag.All, ct).IgnoreNotFound();
    }

    async Task MarkUnknownAsync(string itemId, string key, string[] phones, DateTimeOffset intentAt, bool lookup, CancellationToken ct)
    {
        await SaveRowAsync(new TableEntity(itemId, key)
        {
            ["Sent"] = false, ["Unknown"] = true, ["LookupUnavailable"] = !lookup, ["Size"] = phones.Length, ["IntentAt"] = intentAt,
                ["Phones"] = JsonSerializer.Serialize(phones),
        }, ct);
        await SaveRowAsync(new TableEntity(PendingPartition, PendingKey(itemId, key))
            { ["ItemId"] = itemId, ["Batch"] = key, ["IntentAt"] = intentAt, ["Phones"] = JsonSerializer.Serialize(phones) }, ct);
    }

    public static string PendingKey(string itemId, string key) => $"{itemId}|{key}";

    async Task SaveMessageAsync(PublicationItem item, SmsMessage message, CancellationToken ct)
    {
        var at = item.PublishAt ?? time.GetUtcNow();
        await SaveRowAsync(new TableEntity(item.Id, MessageRow)
        {
            ["TemplateId"] = message.TemplateId, ["Params"] = JsonSerializer.Serialize(message.Params, ChannelsJson.Options), ["Text"] = message.Text,
            ["Length"] = message.Length, ["Segments"] = message.Segments, ["Year"] = ChinaTime.YearOf(at), ["Month"] = ChinaTime.ToChina(at).Month,
            ["SentAt"] = time.GetUtcNow(),
        }, ct);
    }

    Task SaveRowAsync(TableEntity row, CancellationToken ct) => storage.SmsReceipts.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);

    static List<string[]> Batches(PublicationItem item, int size) =>
        item.Sms!.Audience.Select(a => PhoneNumbers.Normalise(a)).OfType<string>().Distinct().Chunk(size).ToList();

    List<string[]> Batches(PublicationItem item) => Batches(item, options.Value.BatchSize);

    /// <summary>
    /// Asked only while every batch of the item is of unknown outcome: looks at them again now; delivered as soon as
    /// one is found or sent. The follow-up keeps looking after the orchestration has stopped waiting.
    /// </summary>
    public async Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct)
    {
        var summary = await SmsDeliverySummary.ReadAsync(storage, job.Item.Id, options.Value, ct);
        if (summary.Accepted == 0) return ChannelStep.Awaiting();
        summary.Apply(job.Entry, Batches(job.Item).Sum(b => b.Length));
        return ChannelStep.DeliveredWithNote(job.Entry.Error, Counted(job.Item.Id, summary.Accepted));
    }
}

internal static class TableResponses
{
    /// <summary>A delete of a row that is already gone is fine.</summary>
    public static async Task IgnoreNotFound(this Task<Azure.Response> delete)
    {
        try
        {
            await delete;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
