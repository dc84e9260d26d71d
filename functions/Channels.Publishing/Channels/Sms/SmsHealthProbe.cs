using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Monitoring;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// The SMS line of the channel health view: batches whose SendSms answer was lost and that the platform does not show
/// yet (the follow-up looks at them every round; without a trace by the end of the grace period they are sent).
/// </summary>
public sealed class SmsHealthProbe(ChannelsStorage storage, IOptions<SmsOptions> options) : IChannelHealthProbe
{
    public string Channel => ChannelNames.Sms;

    public async Task<ProbeResult> ProbeAsync(CancellationToken ct)
    {
        int batches = 0, numbers = 0;
        DateTimeOffset? oldest = null;
        var items = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.SmsReceipts.QueryAsync<TableEntity>(e => e.PartitionKey == SmsPublisher.PendingPartition, cancellationToken: ct))
        {
            batches++;
            numbers += System.Text.Json.JsonSerializer.Deserialize<string[]>(row.GetString("Phones") ?? "[]")?.Length ?? 0;
            if (row.GetString("ItemId") is { } item) items.Add(item);
            var at = row.GetDateTimeOffset("IntentAt");
            if (at < oldest || oldest is null) oldest = at;
        }

        if (batches == 0) return new ProbeResult("n/a", null, false, null);
        var listed = string.Join("、", items.Take(5)) + (items.Count > 5 ? $"等{items.Count}条" : "");
        var due = oldest!.Value.AddHours(options.Value.UnknownBatchGraceHours);
        return new ProbeResult("n/a", null, false,
            $"{batches}个批次（{numbers}个号码）发送结果待核对：{listed}；最早一批若至{ChinaTime.Format(due)}平台仍无记录即补发");
    }
}
