using Channels.Publishing.Items;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// Applies the opt-out list (<see cref="SmsOptOutStore"/>) to every send and keeps it current: before a batch goes out
/// the platform's pending replies are pulled (PullSmsReplyStatus) and every TD/退订/T/N among them puts its number on the
/// list; the numbers on the list are then left out of the batch — whatever way they were addressed — and reported as
/// refused with code <see cref="OptedOutCode"/>. Replies also arrive by callback (Api.SmsReplyCallbackApi) and by the
/// periodic pull of the hosts.
/// </summary>
public sealed class SmsOptOuts(SmsOptOutStore store, TencentSmsClient client, TimeProvider time, ILogger<SmsOptOuts> logger)
{
    public const string OptedOutCode = "OptedOut";
    const int PullLimit = 100;

    /// <summary>Records one reply: true when it is an opt-out that put a new number on the list.</summary>
    public async Task<bool> RecordReplyAsync(string phone, string text, DateTimeOffset at, string source, CancellationToken ct)
    {
        if (!SmsOptOutReplies.IsOptOut(text) || PhoneNumbers.Normalise(phone) is not { } number) return false;
        var added = await store.AddAsync(new SmsOptOut(number, at, source, text), ct);
        if (added) logger.LogInformation("SMS opt-out recorded for {Number} ({Source})", PhoneNumbers.Mask(number), source);
        return added;
    }

    /// <summary>Pulls pending replies until none are left (at most 20 rounds); returns how many numbers were added.</summary>
    public async Task<int> PullRepliesAsync(CancellationToken ct)
    {
        var added = 0;
        for (var round = 0; round < 20; round++)
        {
            IReadOnlyList<SmsReply> replies;
            try
            {
                replies = await client.PullRepliesAsync(PullLimit, ct);
            }
            catch (TencentSmsException e) when (e.IsPermanent)
            {
                // Reply pulling not enabled for the account: replies then arrive by callback only.
                logger.LogDebug("PullSmsReplyStatus refused: {Code}", e.Code);
                return added;
            }

            foreach (var r in replies)
            {
                var at = r.ReplyTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(r.ReplyTime) : time.GetUtcNow();
                if (await RecordReplyAsync(r.PhoneNumber, r.Text, at, "reply", ct)) added++;
            }

            if (replies.Count < PullLimit) return added;
        }

        return added;
    }

    /// <summary>
    /// Sends a batch to the numbers not on the opt-out list; the others come back as refused (<see cref="OptedOutCode"/>)
    /// without a platform call. A failed reply pull does not stop the send: the list as stored still applies.
    /// </summary>
    public async Task<IReadOnlyList<SmsSendStatus>> SendAsync(
        IReadOnlyList<string> phones, string templateId, IReadOnlyList<string> templateParams, string session, CancellationToken ct)
    {
        try
        {
            await PullRepliesAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TencentSmsException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "SMS replies could not be pulled before a send; the stored opt-out list applies");
        }

        var opted = await store.OptedOutAmongAsync(phones.ToList(), ct);
        var allowed = phones.Where(p => !opted.Contains(p)).ToList();
        var skipped = phones.Where(opted.Contains).Select(p => new SmsSendStatus(p, null, OptedOutCode, "该号码已退订，未发送"));
        var sent = allowed.Count == 0 ? [] : await client.SendAsync(allowed, templateId, templateParams, session, ct);
        return [.. sent, .. skipped];
    }

    /// <summary>The numbers that may be sent to, of <paramref name="numbers"/> (normalised), in their order.</summary>
    public async Task<IReadOnlyList<string>> AllowedAsync(IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var opted = await store.OptedOutAmongAsync(numbers, ct);
        return numbers.Where(n => !opted.Contains(n)).ToList();
    }
}
