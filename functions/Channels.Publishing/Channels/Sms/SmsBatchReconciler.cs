using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// A batch whose SendSms answer was lost (its intent row exists, its result does not): asks the platform per number
/// (PullSmsSendStatusByPhoneNumber from a minute before the intent) for a message whose SerialNo no batch of ours
/// owns. SessionContext is not used: pulled statuses carry it empty unless Tencent enables it for the account
/// (tencentcloud-sdk-go sms/v20210111/models.go, PullSmsSendStatus.SessionContext: 默认为空). Found on any number =
/// the request reached the platform: those numbers count as accepted (with the receipt found), the rest as without
/// a record — never re-sent. Found on none, or the lookup refused: null (the batch stays pending).
/// A status shows up only once the carrier reported (PullSmsSendStatus.ReportStatus: 仅当运营商有返回短信接收状态时…),
/// which is why "no trace" is only conclusive after the grace period (<see cref="SmsOptions.UnknownBatchGraceHours"/>).
/// </summary>
public sealed class SmsBatchReconciler(TencentSmsClient client, SmsReceiptStore receipts)
{
    public async Task<SmsBatchResult?> ReconcileAsync(IReadOnlyList<string> phones, DateTimeOffset intentAt, CancellationToken ct)
    {
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        var found = new List<SmsReceipt>();
        try
        {
            foreach (var phone in phones)
            {
                foreach (var status in (await client.PullByPhoneAsync(phone, intentAt.AddMinutes(-1), ct)).OrderBy(s => s.UserReceiveTime))
                {
                    if (string.IsNullOrEmpty(status.SerialNo) || await receipts.ItemOfAsync(status.SerialNo, ct) is not null) continue;
                    accepted[phone] = status.SerialNo;
                    found.Add(status);
                    break;
                }
            }
        }
        catch (TencentSmsException e) when (e.IsPermanent)
        {
            throw new SmsLookupUnavailableException(e.Code);
        }

        if (accepted.Count == 0) return null;
        var refused = phones.Where(p => !accepted.ContainsKey(p)).ToDictionary(p => PhoneNumbers.Mask(p), _ => "NotFoundOnReconcile");
        return new SmsBatchResult(accepted, refused, found);
    }
}

/// <summary>Per-number outcome of one batch: accepted numbers with their SerialNo, refused (masked) numbers with the code, receipts already known.</summary>
public sealed record SmsBatchResult(IReadOnlyDictionary<string, string> Accepted, IReadOnlyDictionary<string, string> Refused,
    IReadOnlyList<SmsReceipt> Receipts)
{
    public SmsBatchResult(IReadOnlyDictionary<string, string> accepted, IReadOnlyDictionary<string, string> refused) : this(accepted, refused, []) { }
}

/// <summary>PullSmsSendStatusByPhoneNumber refused for good: whether a batch went out cannot be told from the platform.</summary>
public sealed class SmsLookupUnavailableException(string code) : Exception($"PullSmsSendStatusByPhoneNumber refused: {code}")
{
    public string Code { get; } = code;
}
