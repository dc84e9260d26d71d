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
/// per-number SerialNos right after (table smsreceipts, partition = item). Delivered when every accepted number has
/// its receipt; a batch whose result was lost is never re-sent blindly but reported for a person to check.
/// </summary>
public sealed class SmsPublisher(TencentSmsClient client, ChannelsStorage storage, IOptions<SmsOptions> options) : IChannelPublisher
{
    public string Channel => ChannelNames.Sms;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var item = job.Item;
        var phones = item.Sms!.Audience.Select(a => PhoneNumbers.Normalise(a)).OfType<string>().Distinct().ToList();
        int accepted = 0, rejected = 0, unknown = 0;
        var batches = phones.Chunk(options.Value.BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var key = $"batch-{i.ToString("D4", CultureInfo.InvariantCulture)}";
            var existing = await storage.SmsReceipts.GetEntityIfExistsAsync<TableEntity>(item.Id, key, cancellationToken: ct);
            if (existing.HasValue && existing.Value is { } row)
            {
                if (row.GetBoolean("Sent") == true) { accepted += row.GetInt32("Accepted") ?? 0; rejected += row.GetInt32("Rejected") ?? 0; }
                else unknown += batches[i].Length;
                continue;
            }

            await storage.SmsReceipts.AddEntityAsync(new TableEntity(item.Id, key) { ["Sent"] = false, ["Size"] = batches[i].Length }, ct);
            var statuses = await client.SendAsync(batches[i], item.Sms.Text, $"{item.Id}#{i}", ct);
            var ok = statuses.Where(s => s.Ok && s.SerialNo is not null).ToDictionary(s => s.PhoneNumber, s => s.SerialNo!);
            var failed = statuses.Where(s => !s.Ok).ToDictionary(s => PhoneNumbers.Mask(s.PhoneNumber), s => s.Code);
            await storage.SmsReceipts.UpdateEntityAsync(new TableEntity(item.Id, key)
            {
                ["Sent"] = true, ["Size"] = batches[i].Length, ["Accepted"] = ok.Count, ["Rejected"] = failed.Count,
                ["Serials"] = JsonSerializer.Serialize(ok.Values), ["Failures"] = JsonSerializer.Serialize(failed, ChannelsJson.Options),
            }, Azure.ETag.All, TableUpdateMode.Replace, ct);
            accepted += ok.Count;
            rejected += failed.Count;
        }

        job.Entry.Units = accepted;
        job.Entry.PlatformId = $"{accepted}/{phones.Count}";
        job.Entry.Error = Problems(rejected, unknown);
        await job.SaveAsync(ct);
        return accepted > 0 ? ChannelStep.Awaiting() : ChannelStep.Failed(job.Entry.Error ?? "短信未被平台受理");
    }

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
        job.Entry.PlatformId = $"{delivered}/{job.Entry.Units}";
        return ChannelStep.Delivered(new CountedPost(Channel, job.Item.Id, Metrics.Message, Units: delivered));
    }

    /// <summary>Pulled receipts are consumed by the platform, so each is stored under its own item before anything else.</summary>
    async Task PullReceiptsAsync(CancellationToken ct)
    {
        for (var round = 0; round < 50; round++)
        {
            var receipts = await client.PullStatusAsync(100, ct);
            foreach (var group in receipts.GroupBy(r => r.SessionContext.Split('#')[0]))
            {
                var actions = group.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(group.Key, "r-" + r.SerialNo.Replace(":", "-", StringComparison.Ordinal))
                {
                    ["Status"] = r.ReportStatus, ["Description"] = r.Description, ["Phone"] = PhoneNumbers.Mask(r.PhoneNumber),
                    ["ReceivedAt"] = DateTimeOffset.FromUnixTimeSeconds(r.UserReceiveTime),
                }));
                foreach (var chunk in actions.Chunk(100)) await storage.SmsReceipts.SubmitTransactionAsync(chunk, ct);
            }

            if (receipts.Count < 100) return;
        }
    }

    static string? Problems(int rejected, int unknown) => (rejected, unknown) switch
    {
        (0, 0) => null,
        (_, 0) => $"{rejected}个号码被平台拒收",
        _ => $"{rejected}个号码被平台拒收；{unknown}个号码所在批次发送结果未知，未重发，请人工核对",
    };
}
