using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Sms;

/// <summary>A delivery receipt waiting to be pulled.</summary>
internal sealed record SmsReceipt(string SerialNo, string PhoneNumber, string SessionContext, long SentAtPull, bool Failed = false);

/// <summary>A message the platform accepted, kept for PullSmsSendStatusByPhoneNumber (never consumed).</summary>
internal sealed record SmsSent(string SerialNo, string PhoneNumber, string SessionContext, long SentAt, bool Failed = false);

/// <summary>
/// Receipts of successfully sent numbers. A receipt becomes pullable once SmsReceiptPullsBeforeDelivered pulls have
/// passed since its send (with 1: the first pull after sending returns nothing, the second returns it). A pulled
/// receipt is consumed: each is returned once.
/// </summary>
internal sealed class SmsStore(SandboxOptions options, SandboxIds ids, TimeProvider clock) : IResettable
{
    readonly List<SmsReceipt> pending = [];
    readonly List<SmsSent> sent = [];
    readonly Lock gate = new();
    long pulls;

    /// <summary>Records a sent message and returns its SerialNo ("2640:" + 19 digits).</summary>
    public string RecordSent(string phoneNumber, string sessionContext, bool silent = false, bool failed = false)
    {
        var serialNo = $"2640:{1_000_000_000_000_000_000L + ids.Next("sms-serial")}";
        if (silent) return serialNo; // accepted, but its carrier never reports: no status to pull, by either API
        lock (gate)
        {
            pending.Add(new SmsReceipt(serialNo, phoneNumber, sessionContext, pulls, failed));
            sent.Add(new SmsSent(serialNo, phoneNumber, sessionContext, clock.GetUtcNow().ToUnixTimeSeconds(), failed));
        }

        return serialNo;
    }

    /// <summary>Counts a pull and hands out (removing them) up to <paramref name="limit"/> due receipts, oldest first.</summary>
    public IReadOnlyList<SmsReceipt> Pull(int limit)
    {
        lock (gate)
        {
            var passed = pulls;
            pulls++;
            var due = pending.Where(r => passed - r.SentAtPull >= options.SmsReceiptPullsBeforeDelivered).Take(limit).ToList();
            foreach (var receipt in due) pending.Remove(receipt);
            return due;
        }
    }

    /// <summary>Messages sent to one number from <paramref name="begin"/> (unix s) on, oldest first; not consumed.</summary>
    public IReadOnlyList<SmsSent> SentTo(string phoneNumber, long begin, long? end, int offset, int limit)
    {
        lock (gate)
        {
            return sent.Where(m => m.PhoneNumber == phoneNumber && m.SentAt >= begin && (end is null || m.SentAt <= end)).Skip(offset).Take(limit).ToList();
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            sent.Clear();
            pending.Clear();
            pulls = 0;
        }
    }
}
