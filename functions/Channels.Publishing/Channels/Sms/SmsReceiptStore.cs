using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// Delivery receipts in table smsreceipts: one row per SerialNo under its item (row "r-" + SerialNo), upserted, so a
/// receipt that arrives twice — by pull and by callback, or a callback Tencent repeats — is stored once. The item of a
/// callback's sid is found through the "sid" rows written at send time.
/// </summary>
public sealed class SmsReceiptStore(ChannelsStorage storage)
{
    public async Task SaveAsync(string itemId, IEnumerable<SmsReceipt> receipts, CancellationToken ct)
    {
        var actions = receipts.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(itemId,
            SmsPublisher.ReceiptKey(r.SerialNo))
        {
            ["Status"] = r.ReportStatus, ["Description"] = r.Description, ["Phone"] = PhoneNumbers.Mask(r.PhoneNumber),
            ["ReceivedAt"] = DateTimeOffset.FromUnixTimeSeconds(r.UserReceiveTime),
        }));
        foreach (var chunk in actions.Chunk(100)) await storage.SmsReceipts.SubmitTransactionAsync(chunk, ct);
    }

    /// <summary>The item a SerialNo/sid was sent for, or null when it is not ours.</summary>
    public async Task<string?> ItemOfAsync(string serialNo, CancellationToken ct) => (await OwnerOfAsync(serialNo, ct))?.ItemId;

    /// <summary>The batch owning a SerialNo, and whether it was claimed by a reconciliation (number and time) rather than a SendSms answer.</summary>
    public async Task<SmsSerialOwner?> OwnerOfAsync(string serialNo, CancellationToken ct)
    {
        var row = await storage.SmsReceipts.GetEntityIfExistsAsync<TableEntity>(SmsPublisher.SidPartition, SmsPublisher.ReceiptKey(serialNo),
            cancellationToken: ct);
        return row.HasValue && row.Value?.GetString("ItemId") is { } item ? new SmsSerialOwner(item, row.Value.GetBoolean("Reconciled") == true) : null;
    }
}

/// <summary>Who owns a SerialNo: the item, and whether the claim came from a reconciliation.</summary>
public sealed record SmsSerialOwner(string ItemId, bool Reconciled);
