using Azure;
using Azure.Data.Tables;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// One daily digest (table channelstate, partition "wechat-digest", row = the China date): the items chosen, then the
/// platform's ids as they come back (draft media_id, mass-send msg_id), each after an intent flag, so a retried
/// activity reconciles instead of sending a second mass message.
/// </summary>
public sealed class WeChatDigestRecord : ITableEntity
{
    public const string Partition = "wechat-digest";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Comma-separated item ids, in article order.</summary>
    public string Items { get; set; } = "";
    public string ClientMsgId { get; set; } = "";
    public bool DraftIntent { get; set; }
    public string? MediaId { get; set; }
    public bool SendIntent { get; set; }
    public string? MsgId { get; set; }
    public string? MsgDataId { get; set; }

    /// <summary>When message/mass/sendall accepted the job (the 30-minute confirmation window of 群发保护 starts here).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The job's final Status as the platform gave it ("send success", "send fail", "err(20001)", SEND_FAIL …).</summary>
    public string? PlatformStatus { get; set; }

    public const string AwaitingVerdict = "awaiting-verdict";

    /// <summary>
    /// planned | awaiting-verdict (submitted; the job's outcome not known yet) | sent (the platform reported success:
    /// counted) | failed (the platform reported failure, the reason in Note) | deferred (no quota today: the items wait
    /// for tomorrow's digest).
    /// </summary>
    public string State { get; set; } = "planned";
    public string? Note { get; set; }

    [System.Runtime.Serialization.IgnoreDataMember]
    public IReadOnlyList<string> ItemList => Items.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
