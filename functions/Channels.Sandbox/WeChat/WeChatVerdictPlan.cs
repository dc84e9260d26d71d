using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// The outcomes the platform decides on its own side — review, originality check, the administrator's confirmation —
/// queued for the next jobs (PUT /sandbox/wechat/verdicts). Without a plan every job succeeds, as most do.
/// publish: freepublish outcomes for the next submits, each one of 0 成功, 2 原创失败, 3 常规失败, 4 平台审核不通过,
/// 6 成功后系统封禁 (5, 成功后用户删除, follows freepublish/delete); mass: MASSSENDJOBFINISH Status strings for the next
/// mass sends ("send success", "send fail", "err(20001)" …); massProtection: the account has API 群发保护 on — every
/// send to all followers waits for an administrator's confirmation (POST /sandbox/wechat/mass/{msg_id}/confirm or
/// /reject), and fails when none comes within 30 minutes. Sources: 发布状态查询
/// (https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_get), 查询群发消息发送状态 — API 群发安全保护
/// (https://developers.weixin.qq.com/doc/service/api/notify/message/api_massmsgget).
/// </summary>
internal sealed class WeChatVerdictPlan(SandboxOptions options) : IResettable
{
    readonly Queue<int> publish = new();
    readonly Queue<string> mass = new();
    readonly Lock gate = new();
    bool? protection;

    public static readonly int[] PlannablePublishStatuses = [0, 2, 3, 4, 6];

    public void Plan(IEnumerable<int>? publishStatuses, IEnumerable<string>? massStatuses, bool? massProtection)
    {
        lock (gate)
        {
            foreach (var s in publishStatuses ?? []) publish.Enqueue(s);
            foreach (var s in massStatuses ?? []) mass.Enqueue(s);
            if (massProtection is { } p) protection = p;
        }
    }

    public int NextPublishStatus()
    {
        lock (gate)
        {
            return publish.TryDequeue(out var s) ? s : 0;
        }
    }

    public string NextMassStatus()
    {
        lock (gate)
        {
            return mass.TryDequeue(out var s) ? s : "send success";
        }
    }

    public bool MassProtection
    {
        get
        {
            lock (gate)
            {
                return protection ?? options.WeChatMassProtection;
            }
        }
    }

    public object Describe()
    {
        lock (gate)
        {
            return new { publish = publish.ToArray(), mass = mass.ToArray(), massProtection = protection ?? options.WeChatMassProtection };
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            publish.Clear();
            mass.Clear();
            protection = null;
        }
    }
}
