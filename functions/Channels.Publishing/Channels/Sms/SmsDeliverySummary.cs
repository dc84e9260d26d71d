using System.Text.Json;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// What the ledger row of an SMS item shows, read from its partition of table smsreceipts: the message as sent, the
/// numbers accepted, refused or in a batch of unknown outcome, and the receipts so far (delivered / failed / none yet;
/// after the receipt window "none" means the carrier never reported). Kept as JSON in DeliveryEntry.Steps.
/// </summary>
public sealed class SmsDeliverySummary
{
    public int Accepted { get; private set; }
    public int Reconciled { get; private set; }
    public int PendingBatches { get; private set; }
    public int PendingNumbers { get; private set; }
    public DateTimeOffset? PendingSince { get; private set; }
    public int Delivered { get; private set; }
    public int Failed { get; private set; }
    public Dictionary<string, string> Refused { get; } = new(StringComparer.Ordinal);
    public SmsDeliveryView? View { get; private set; }

    public static async Task<SmsDeliverySummary> ReadAsync(ChannelsStorage storage, string itemId, SmsOptions options, CancellationToken ct)
    {
        var s = new SmsDeliverySummary();
        TableEntity? message = null;
        DateTimeOffset? sentAt = null;
        await foreach (var row in storage.SmsReceipts.QueryAsync<TableEntity>(e => e.PartitionKey == itemId, cancellationToken: ct))
        {
            if (row.RowKey == SmsPublisher.MessageRow) message = row;
            else if (row.RowKey.StartsWith("r-", StringComparison.Ordinal))
            {
                if (row.GetString("Status") == "SUCCESS") s.Delivered++;
                else s.Failed++;
            }
            else if (row.RowKey.StartsWith("batch-", StringComparison.Ordinal))
            {
                if (row.GetBoolean("Sent") == true)
                {
                    s.Accepted += row.GetInt32("Accepted") ?? 0;
                    s.Reconciled += row.GetBoolean("Reconciled") == true ? 1 : 0;
                    foreach (var (masked, code) in SmsOutcomeText.Failures(row.GetString("Failures"))) s.Refused[masked] = code;
                    var at = row.GetDateTimeOffset("SentAt");
                    if (at > sentAt || sentAt is null) sentAt = at;
                }
                else if (row.GetBoolean("Unknown") == true)
                {
                    s.PendingBatches++;
                    s.PendingNumbers += row.GetInt32("Size") ?? 0;
                    var intent = row.GetDateTimeOffset("IntentAt");
                    if (intent < s.PendingSince || s.PendingSince is null) s.PendingSince = intent;
                }
            }
        }

        if (message is not null)
        {
            var windowEnds = sentAt?.AddHours(options.ReceiptWindowHours);
            s.View = new SmsDeliveryView(
                message.GetString("TemplateId") ?? "", message.GetString("Text") ?? "", message.GetInt32("Length") ?? 0, message.GetInt32("Segments") ?? 0,
                s.Accepted, s.Refused.Count, s.Delivered, s.Failed, Math.Max(0, s.Accepted - s.Delivered - s.Failed), windowEnds,
                s.PendingNumbers, s.PendingSince?.AddHours(options.UnknownBatchGraceHours));
        }

        return s;
    }

    /// <summary>Units, "accepted/audience", the admin's note and the JSON view on the ledger row (not saved here).</summary>
    public void Apply(DeliveryEntry entry, int audience)
    {
        entry.Units = Accepted;
        entry.PlatformId = $"{Accepted}/{audience}";
        entry.Error = SmsOutcomeText.Problems(Refused, PendingNumbers, Reconciled, View?.RecheckAt);
        if (View is not null) entry.Steps = JsonSerializer.Serialize(View, ChannelsJson.Options);
    }

    public static SmsDeliveryView? ViewOf(DeliveryEntry entry)
    {
        if (entry.Channel != ChannelNames.Sms || string.IsNullOrEmpty(entry.Steps)) return null;
        try
        {
            return JsonSerializer.Deserialize<SmsDeliveryView>(entry.Steps, ChannelsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The SMS part of a channel view: template, final text with 【signature】, its length and billed messages (条) per
/// recipient; numbers accepted / refused; receipts delivered / failed / awaited (until ReceiptWindowEndsAt; after it,
/// the carrier never reported them); numbers whose batch is of unknown outcome and when it is looked at for the last time.
/// </summary>
public sealed record SmsDeliveryView(
    string TemplateId, string Text, int Length, int Segments, int Accepted, int Refused, int Delivered, int Failed, int NoReceipt,
    DateTimeOffset? ReceiptWindowEndsAt, int Pending, DateTimeOffset? RecheckAt);
