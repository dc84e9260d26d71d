using Azure;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The outcome of a digest's mass send. message/mass/sendall only submits a job (群发接口调用时，仅会给出群发任务是否提交成功的提示);
/// its outcome comes from the MASSSENDJOBFINISH push (Status "send success", "send fail" or "err(num)", 事件推送群发结果) or
/// from message/mass/get (SEND_SUCCESS, SENDING, SEND_FAIL, DELETE). An account with API 群发保护 waits for an
/// administrator's confirmation on their phone; refused or unconfirmed within 30 minutes, the send fails
/// (https://developers.weixin.qq.com/doc/service/api/notify/message/api_massmsgget). Success counts each article and the
/// mass send; failure fails each item with a named reason. Push and poll may race: the digest record is saved
/// If-Match its ETag and a final record is never changed, so the count happens once.
/// </summary>
public sealed class WeChatDigestVerdict(
    ChannelsStorage storage, PublicationStore publications, DeliveryLedger ledger, CountingIndex counting, WeChatClient client, WeChatMassIndex massIndex,
    TimeProvider time, ILogger<WeChatDigestVerdict> logger)
{
    /// <summary>Asks message/mass/get and records a final answer; returns the digest's state.</summary>
    public async Task<string> CheckAsync(string date, CancellationToken ct)
    {
        var record = await ReadAsync(date, ct);
        if (record is null || record.State != WeChatDigestRecord.AwaitingVerdict || record.MsgId is null) return record?.State ?? "unknown";
        string status;
        try
        {
            status = await client.GetMassStatusAsync(record.MsgId, ct);
        }
        catch (Exception e) when (WeChatPublisher.IsTransient(e))
        {
            logger.LogWarning(e, "Digest {Date}: message/mass/get failed; the next poll asks again", date);
            return record.State;
        }

        if (status == "SENDING") return await StillSendingAsync(record, ct);
        return await RecordAsync(date, status, ct);
    }

    /// <summary>A MASSSENDJOBFINISH push: "recorded", "already-final" or "unknown" (no digest sent this msg_id).</summary>
    public async Task<string> RecordPushAsync(string msgId, string status, CancellationToken ct)
    {
        if (await massIndex.DateOfAsync(msgId, ct) is not { } date) return "unknown";
        var before = (await ReadAsync(date, ct))?.State;
        if (before != WeChatDigestRecord.AwaitingVerdict) return before is null ? "unknown" : "already-final";
        var after = await RecordAsync(date, status, ct);
        return after == WeChatDigestRecord.AwaitingVerdict ? "pending" : "recorded";
    }

    /// <summary>What a Status or msg_status means: success, failure (with a named reason) or not final.</summary>
    public static (bool? Success, string Name, string Reason) Meaning(string status) => status switch
    {
        "send success" or "SEND_SUCCESS" => (true, "sent", "群发成功"),
        "SENDING" => (null, "sending", "群发进行中"),
        "send fail" or "SEND_FAIL" => (false, "mass-send-failed",
            "微信群发失败（send fail）：平台未发出；若公众号开启了API群发保护，可能是管理员拒绝或30分钟内未在手机上确认。请核实后由管理员重新发布"),
        "DELETE" => (false, "mass-send-deleted", "微信群发消息已被删除（DELETE）：文章已不可见，不计入发布数；如非本单位操作请立即核查"),
        _ when status.StartsWith("err(", StringComparison.Ordinal) => (false, "mass-send-rejected",
            $"微信群发未通过平台审核（{status}：{ReviewReason(status)}），未发出；请按平台规范修改后以新编号重新提交"),
        _ => (false, "mass-send-unknown", $"微信群发结果未知（{status}），未计入发布数；请在公众号后台核实"),
    };

    /// <summary>
    /// The review codes of 事件推送群发结果 (err(num) 是审核失败的具体原因), as the SDK model of the event lists them
    /// (github.com/chanxuehong/wechat mp/message/mass MassSendJobFinishEvent).
    /// </summary>
    static string ReviewReason(string status) => status switch
    {
        "err(10001)" => "涉嫌广告",
        "err(20001)" => "涉嫌政治",
        "err(20004)" => "涉嫌社会",
        "err(20002)" => "涉嫌色情",
        "err(20006)" => "涉嫌违法犯罪",
        "err(20008)" => "涉嫌欺诈",
        "err(20013)" => "涉嫌版权",
        "err(22000)" => "涉嫌互推(互相宣传)",
        "err(21000)" => "涉嫌其他",
        _ => "平台未说明原因",
    };

    async Task<string> StillSendingAsync(WeChatDigestRecord record, CancellationToken ct)
    {
        if (record.Note?.Contains("群发保护", StringComparison.Ordinal) == true) return record.State; // said once
        const string hint = "群发已提交，平台尚未给出结果：若公众号开启了API群发保护，需管理员在30分钟内于手机微信上确认，否则本次群发失败";
        foreach (var entry in await EntriesAsync(record, ct))
        {
            DeliveryHistory.Append(entry, time.GetUtcNow(), hint);
            await ledger.SaveAsync(entry, ct);
        }

        record.Note = hint;
        await TrySaveAsync(record, ct);
        return record.State;
    }

    async Task<string> RecordAsync(string date, string status, CancellationToken ct)
    {
        var meaning = Meaning(status);
        if (meaning.Success is null) return WeChatDigestRecord.AwaitingVerdict;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var record = await ReadAsync(date, ct);
            if (record is null || record.State != WeChatDigestRecord.AwaitingVerdict) return record?.State ?? "unknown";
            var entries = await EntriesAsync(record, ct);
            record.State = meaning.Success.Value ? "sent" : "failed";
            record.PlatformStatus = status;
            record.Note = meaning.Success.Value ? $"群发成功（{status}），{entries.Count} 篇" : meaning.Reason;
            if (!await TrySaveAsync(record, ct)) continue; // a push or poll recorded it meanwhile: read again
            await ApplyAsync(record, entries, meaning, ct);
            logger.LogInformation("WeChat digest {Date}: {State} ({Status})", date, record.State, status);
            return record.State;
        }

        return (await ReadAsync(date, ct))?.State ?? "unknown";
    }

    /// <summary>The record won the race: each item's verdict, and the count on success.</summary>
    async Task ApplyAsync(
        WeChatDigestRecord record, IReadOnlyList<DeliveryEntry> entries, (bool? Success, string Name, string Reason) meaning, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            if (meaning.Success == true)
            {
                var item = await publications.GetArchivedAsync(entry.ItemId, ct);
                await counting.CountAsync(item.Year, ChinaTime.ToChina(item.PublishAt).Month,
                    [new CountedPost(ChannelNames.WeChat, item.Id, Metrics.Article)], ct);
                entry.State = DeliveryState.Delivered;
                entry.Error = null;
                DeliveryHistory.Append(entry, now, $"群发成功（msg_id {record.MsgId}，{record.PlatformStatus}）");
            }
            else
            {
                entry.State = DeliveryState.Failed;
                entry.Error = meaning.Reason;
                DeliveryHistory.Append(entry, now, $"{meaning.Reason}（msg_id {record.MsgId}）");
            }

            entry.FinishedAt = now;
            await ledger.SaveAsync(entry, ct);
        }

        if (meaning.Success == true && record.SentAt is { } sentAt)
        {
            await counting.CountAsync(ChinaTime.YearOf(sentAt), ChinaTime.ToChina(sentAt).Month,
                [new CountedPost(ChannelNames.WeChat, "digest-" + record.RowKey, Metrics.MassSend)], ct);
        }
    }

    /// <summary>The digest's items still awaiting this send's verdict.</summary>
    async Task<IReadOnlyList<DeliveryEntry>> EntriesAsync(WeChatDigestRecord record, CancellationToken ct)
    {
        var prefix = $"{record.MsgDataId ?? record.MsgId}#";
        var entries = new List<DeliveryEntry>();
        foreach (var id in record.ItemList)
        {
            var entry = await ledger.FindAsync(id, ChannelNames.WeChat, ct);
            if (entry is { State: DeliveryState.Accepted } && entry.PlatformId?.StartsWith(prefix, StringComparison.Ordinal) == true) entries.Add(entry);
        }

        return entries;
    }

    async Task<WeChatDigestRecord?> ReadAsync(string date, CancellationToken ct)
    {
        var row = await storage.ChannelState.GetEntityIfExistsAsync<WeChatDigestRecord>(WeChatDigestRecord.Partition, date, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    async Task<bool> TrySaveAsync(WeChatDigestRecord record, CancellationToken ct)
    {
        try
        {
            var response = await storage.ChannelState.UpdateEntityAsync(record, record.ETag, Azure.Data.Tables.TableUpdateMode.Replace, ct);
            record.ETag = response.Headers.ETag ?? record.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
