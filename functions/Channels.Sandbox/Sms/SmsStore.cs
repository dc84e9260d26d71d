using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Sms;

/// <summary>A delivery receipt waiting to be pulled.</summary>
internal sealed record SmsReceipt(string SerialNo, string PhoneNumber, string SessionContext, long SentAtPull);

/// <summary>
/// Receipts of successfully sent numbers. A receipt becomes pullable once SmsReceiptPullsBeforeDelivered pulls have
/// passed since its send (with 1: the first pull after sending returns nothing, the second returns it). A pulled
/// receipt is consumed: each is returned once.
/// </summary>
internal sealed class SmsStore(SandboxOptions options, SandboxIds ids) : IResettable
{
    readonly List<SmsReceipt> pending = [];
    readonly Lock gate = new();
    long pulls;

    /// <summary>Records a sent message and returns its SerialNo ("2640:" + 19 digits).</summary>
    public string RecordSent(string phoneNumber, string sessionContext)
    {
        var serialNo = $"2640:{1_000_000_000_000_000_000L + ids.Next("sms-serial")}";
        lock (gate)
        {
            pending.Add(new SmsReceipt(serialNo, phoneNumber, sessionContext, pulls));
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

    public void Reset()
    {
        lock (gate)
        {
            pending.Clear();
            pulls = 0;
        }
    }
}
