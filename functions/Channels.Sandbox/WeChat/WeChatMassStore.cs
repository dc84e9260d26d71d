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

/// <summary>A mass-send job as message/mass/get and MASSSENDJOBFINISH see it.</summary>
internal sealed record MassJobView(long MsgId, string MsgStatus, string PushStatus, bool AwaitingConfirmation, int Articles);

/// <summary>
/// Mass sends (message/mass/sendall, contract reference §1.9): a clientmsgid already used by a successful send →
/// duplicate with that send's msg_id; one successful is_to_all send per China calendar day (UTC+8). A send is a job
/// that finishes later (群发接口调用时，仅会给出群发任务是否提交成功的提示 — 事件推送群发结果): message/mass/get answers
/// SENDING for the first WeChatPublishPollsBeforeVerdict polls, then SEND_SUCCESS or SEND_FAIL by the planned Status;
/// with 群发保护 it stays SENDING until an administrator confirms, and is SEND_FAIL once rejected or 30 minutes passed
/// (https://developers.weixin.qq.com/doc/service/api/notify/message/api_massmsgget).
/// </summary>
internal sealed class WeChatMassStore(SandboxIds ids, SandboxOptions options, TimeProvider clock) : IResettable
{
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromMinutes(30);

    sealed class Job(long msgId, string pushStatus, bool protectedSend, DateTimeOffset sentAt, int articles)
    {
        public long MsgId { get; } = msgId;
        public string PushStatus { get; set; } = pushStatus;
        public bool AwaitingConfirmation { get; set; } = protectedSend;
        public DateTimeOffset SentAt { get; } = sentAt;
        public int Articles { get; } = articles;
        public int Polls { get; set; }
        public bool Finished { get; set; }
    }

    readonly Dictionary<string, MassSendResult> byClientMsgId = new(StringComparer.Ordinal);
    readonly Dictionary<long, Job> jobs = [];
    readonly Lock gate = new();
    DateOnly? lastToAllDay;

    /// <summary>
    /// Sends unless a rule refuses it. <paramref name="commitContent"/> runs inside the lock once the send is allowed
    /// (it takes the draft out of the draft box and answers its article count); null means the content is gone.
    /// </summary>
    public MassSendResult TrySend(string? clientMsgId, bool isToAll, DateOnly chinaDay, Func<int?> commitContent, string pushStatus, bool protectedSend)
    {
        lock (gate)
        {
            if (clientMsgId is not null && byClientMsgId.TryGetValue(clientMsgId, out var earlier)) return earlier with { Kind = MassSendKind.Duplicate };
            if (isToAll && lastToAllDay == chinaDay) return new MassSendResult(MassSendKind.NoQuota);
            if (commitContent() is not { } articles) return new MassSendResult(MassSendKind.ContentMissing);
            var seq = ids.Next("wechat-mass");
            var sent = new MassSendResult(MassSendKind.Sent, 1_000_000_000L + seq, 2_247_500_000L + seq);
            if (isToAll) lastToAllDay = chinaDay;
            if (clientMsgId is not null) byClientMsgId[clientMsgId] = sent;
            jobs[sent.MsgId] = new Job(sent.MsgId, pushStatus, protectedSend && isToAll, clock.GetUtcNow(), articles);
            return sent;
        }
    }

    /// <summary>message/mass/get: counts the poll; null for an unknown msg_id.</summary>
    public MassJobView? Poll(long msgId)
    {
        lock (gate)
        {
            if (!jobs.TryGetValue(msgId, out var job)) return null;
            Expire(job);
            if (!job.Finished && !job.AwaitingConfirmation && job.Polls++ >= options.WeChatPublishPollsBeforeVerdict) job.Finished = true;
            return View(job);
        }
    }

    /// <summary>The job finishes now unless it waits for confirmation (it is being pushed); null when it cannot finish yet.</summary>
    public MassJobView? Complete(long msgId)
    {
        lock (gate)
        {
            if (!jobs.TryGetValue(msgId, out var job) || job.AwaitingConfirmation) return null;
            job.Finished = true;
            return View(job);
        }
    }

    /// <summary>The administrator confirms (true) or rejects (false) a protected send; null when none waits.</summary>
    public MassJobView? Decide(long msgId, bool confirm)
    {
        lock (gate)
        {
            if (!jobs.TryGetValue(msgId, out var job)) return null;
            Expire(job);
            if (!job.AwaitingConfirmation) return null;
            job.AwaitingConfirmation = false;
            if (!confirm)
            {
                job.PushStatus = "send fail";
                job.Finished = true;
            }

            return View(job);
        }
    }

    void Expire(Job job)
    {
        if (!job.AwaitingConfirmation || clock.GetUtcNow() - job.SentAt < ConfirmationWindow) return;
        job.AwaitingConfirmation = false;
        job.PushStatus = "send fail";
        job.Finished = true;
    }

    static MassJobView View(Job job) => new(job.MsgId,
        !job.Finished ? "SENDING" : job.PushStatus == "send success" ? "SEND_SUCCESS" : "SEND_FAIL", job.PushStatus, job.AwaitingConfirmation, job.Articles);

    public void Reset()
    {
        lock (gate)
        {
            byClientMsgId.Clear();
            jobs.Clear();
            lastToAllDay = null;
        }
    }
}
