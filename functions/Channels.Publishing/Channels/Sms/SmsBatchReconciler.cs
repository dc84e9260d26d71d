using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// A batch whose SendSms answer was lost (its intent row exists, its result does not): asks the platform per number
/// (PullSmsSendStatusByPhoneNumber) for a message whose SerialNo no batch of ours owns, sent while the batch's request
/// could have been in flight — from <see cref="Skew"/> before the intent to the request's longest life plus the skew
/// after it — taking the status closest to the intent. SessionContext is not used: pulled statuses carry it empty unless
/// Tencent enables it for the account (tencentcloud-sdk-go sms/v20210111/models.go, PullSmsSendStatus.SessionContext:
/// 默认为空). Found on any number = the request reached the platform: those numbers count as accepted (with the receipt
/// found), the rest as without a record — never re-sent. Found on none: null (the batch stays pending, and is sent once
/// the grace period has passed without a trace).
/// Never posting twice rules two cases out of "no trace": a status in the window that another reconciled batch has
/// claimed (the platform holds fewer messages than our lost batches, and which one is missing cannot be told), and a
/// window the lookup cannot list completely. Both throw <see cref="SmsLookupUnavailableException"/>: the batch is left
/// pending for a person (channel health), not re-sent.
/// The lookup cannot page by Offset (models.go PullSmsSendStatusByPhoneNumberRequest.Offset: 目前固定设置为0; Limit ≤ 100):
/// a full answer is continued by splitting the time window in halves, down to one second.
/// A status shows up only once the carrier reported (PullSmsSendStatus.ReportStatus: 仅当运营商有返回短信接收状态时…),
/// which is why "no trace" is only conclusive after the grace period (<see cref="SmsOptions.UnknownBatchGraceHours"/>).
/// </summary>
public sealed class SmsBatchReconciler(TencentSmsClient client, SmsReceiptStore receipts)
{
    /// <summary>Clock difference tolerated between this host and the platform.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    /// <summary>The longest a SendSms request lives (the HTTP pipeline's total timeout, 45 s) rounded up.</summary>
    public static readonly TimeSpan RequestLife = TimeSpan.FromMinutes(1);

    const int MaxCalls = 64;

    public async Task<SmsBatchResult?> ReconcileAsync(IReadOnlyList<string> phones, DateTimeOffset intentAt, CancellationToken ct)
    {
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        var found = new List<SmsReceipt>();
        var claimedElsewhere = false;
        try
        {
            foreach (var phone in phones)
            {
                var statuses = await StatusesAsync(phone, intentAt - Skew, intentAt + RequestLife + Skew, ct);
                var center = intentAt.ToUnixTimeSeconds();
                foreach (var status in statuses.OrderBy(s => Math.Abs(s.UserReceiveTime - center)))
                {
                    if (string.IsNullOrEmpty(status.SerialNo)) continue;
                    var owner = await receipts.OwnerOfAsync(status.SerialNo, ct);
                    if (owner is not null)
                    {
                        claimedElsewhere |= owner.Reconciled;
                        continue;
                    }

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

        if (accepted.Count == 0 && claimedElsewhere) throw new SmsLookupUnavailableException("AmbiguousWithAnotherReconciledBatch");
        if (accepted.Count == 0) return null;
        var refused = phones.Where(p => !accepted.ContainsKey(p)).ToDictionary(p => PhoneNumbers.Mask(p), _ => "NotFoundOnReconcile");
        return new SmsBatchResult(accepted, refused, found);
    }

    /// <summary>Every status of one number in [from, until]: a full answer (Limit reached) is split in two halves until each answer is complete.</summary>
    async Task<List<SmsReceipt>> StatusesAsync(string phone, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var all = new List<SmsReceipt>();
        var windows = new Stack<(long From, long Until)>();
        windows.Push((from.ToUnixTimeSeconds(), until.ToUnixTimeSeconds()));
        for (var calls = 0; windows.Count > 0; calls++)
        {
            if (calls >= MaxCalls) throw new SmsLookupUnavailableException("LookupWindowTooBusy");
            var (a, b) = windows.Pop();
            var page = await client.PullByPhoneAsync(phone, DateTimeOffset.FromUnixTimeSeconds(a), ct, DateTimeOffset.FromUnixTimeSeconds(b));
            if (page.Count < TencentSmsClient.ByPhoneLimit)
            {
                all.AddRange(page);
                continue;
            }

            // A full answer may have left statuses out; one second that is still full cannot be listed at all.
            if (b <= a) throw new SmsLookupUnavailableException("LookupWindowTooBusy");
            var middle = a + (b - a) / 2;
            windows.Push((middle + 1, b));
            windows.Push((a, middle));
        }

        return all.DistinctBy(s => s.SerialNo).ToList();
    }
}

/// <summary>Per-number outcome of one batch: accepted numbers with their SerialNo, refused (masked) numbers with the code, receipts already known.</summary>
public sealed record SmsBatchResult(IReadOnlyDictionary<string, string> Accepted, IReadOnlyDictionary<string, string> Refused,
    IReadOnlyList<SmsReceipt> Receipts)
{
    public SmsBatchResult(IReadOnlyDictionary<string, string> accepted, IReadOnlyDictionary<string, string> refused) : this(accepted, refused, []) { }
}

/// <summary>Whether a batch went out cannot be told from the platform (lookup refused for good, too busy, or ambiguous): a person decides.</summary>
public sealed class SmsLookupUnavailableException(string code) : Exception($"PullSmsSendStatusByPhoneNumber inconclusive: {code}")
{
    public string Code { get; } = code;
}
