using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

internal enum MassSendKind
{
    Sent,
    Duplicate,
    NoQuota,
    ContentMissing,
}

internal sealed record MassSendResult(MassSendKind Kind, long MsgId = 0, long MsgDataId = 0);

/// <summary>
/// Mass sends (message/mass/sendall, contract reference §1.9): a clientmsgid already used by a successful send →
/// duplicate with that send's msg_id; one successful is_to_all send per China calendar day (UTC+8).
/// </summary>
internal sealed class WeChatMassStore(SandboxIds ids) : IResettable
{
    readonly Dictionary<string, MassSendResult> byClientMsgId = new(StringComparer.Ordinal);
    readonly Lock gate = new();
    DateOnly? lastToAllDay;

    /// <summary>
    /// Sends unless a rule refuses it. <paramref name="commitContent"/> runs inside the lock once the send is allowed
    /// (it takes the draft out of the draft box); false means the content is gone and nothing is sent.
    /// </summary>
    public MassSendResult TrySend(string? clientMsgId, bool isToAll, DateOnly chinaDay, Func<bool> commitContent)
    {
        lock (gate)
        {
            if (clientMsgId is not null && byClientMsgId.TryGetValue(clientMsgId, out var earlier)) return earlier with { Kind = MassSendKind.Duplicate };
            if (isToAll && lastToAllDay == chinaDay) return new MassSendResult(MassSendKind.NoQuota);
            if (!commitContent()) return new MassSendResult(MassSendKind.ContentMissing);
            var seq = ids.Next("wechat-mass");
            var sent = new MassSendResult(MassSendKind.Sent, 1_000_000_000L + seq, 2_247_500_000L + seq);
            if (isToAll) lastToAllDay = chinaDay;
            if (clientMsgId is not null) byClientMsgId[clientMsgId] = sent;
            return sent;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            byClientMsgId.Clear();
            lastToAllDay = null;
        }
    }
}
