using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// A batch whose SendSms response was lost (its intent row exists, its result does not): asks the platform per number
/// (PullSmsSendStatusByPhoneNumber since the intent) for a message carrying the batch's SessionContext. Found on any
/// number = the request reached the platform: those numbers count as accepted, the rest as refused. Found on none, or
/// the lookup refused: the outcome stays unknown. Never re-sends.
/// </summary>
public sealed class SmsBatchReconciler(TencentSmsClient client)
{
    /// <summary>Null when the platform shows no trace of the batch (or cannot be asked).</summary>
    public async Task<SmsBatchResult?> ReconcileAsync(IReadOnlyList<string> phones, string sessionContext, DateTimeOffset intentAt, CancellationToken ct)
    {
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var phone in phones)
            {
                var found = (await client.PullByPhoneAsync(phone, intentAt.AddMinutes(-1), ct)).FirstOrDefault(r => r.SessionContext == sessionContext);
                if (found is not null) accepted[phone] = found.SerialNo;
            }
        }
        catch (TencentSmsException e) when (e.IsPermanent)
        {
            return null;
        }

        if (accepted.Count == 0) return null;
        var refused = phones.Where(p => !accepted.ContainsKey(p)).ToDictionary(p => PhoneNumbers.Mask(p), _ => "NotFoundOnReconcile");
        return new SmsBatchResult(accepted, refused);
    }
}

/// <summary>Per-number outcome of one batch: accepted numbers with their SerialNo, refused (masked) numbers with the code.</summary>
public sealed record SmsBatchResult(IReadOnlyDictionary<string, string> Accepted, IReadOnlyDictionary<string, string> Refused);
