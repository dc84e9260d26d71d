using System.Security.Cryptography;
using System.Text;
using Azure;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The daily digest (群发) of a subscription account, which may mass-send once a day: the oldest queued items (≤8)
/// become one draft, sent to all followers with message/mass/sendall. clientmsgid is derived from the date and the
/// items, so a retried send answers 45065 (already sent = success) and a second, different batch the same day
/// answers 45028 (no quota) — then the items wait for tomorrow, with the reason in their history, never a blind retry.
/// A send that the platform accepted is only submitted: the items wait in awaiting-verdict until
/// <see cref="WeChatDigestVerdict"/> records the job's outcome.
/// </summary>
public sealed class WeChatDigest(
    ChannelsStorage storage, PublicationStore publications, DeliveryLedger ledger, WeChatMassIndex massIndex, WeChatClient client,
    WeChatCover cover, WeChatBodyImages images, BodySanitizer sanitizer, IOptions<WeChatOptions> options, IOptions<Website.WebsiteOptions> site,
        TimeProvider time,
    ILogger<WeChatDigest> logger, Attachments.AttachmentLinks? attachments = null)
{
    /// <summary>Chooses the day's items (or returns the ones already chosen): the ids, oldest queued first.</summary>
    public async Task<IReadOnlyList<string>> PlanAsync(string date, CancellationToken ct)
    {
        var existing = await storage.ChannelState.GetEntityIfExistsAsync<WeChatDigestRecord>(WeChatDigestRecord.Partition, date, cancellationToken: ct);
        if (existing.HasValue && existing.Value is { } r && r.State != "deferred") return r.ItemList;

        var queued = new List<DeliveryEntry>();
        await foreach (var e in storage.Deliveries.QueryAsync<DeliveryEntry>(
            $"{DeliveryEntry.ChannelFilter(ChannelNames.WeChat)} and State eq '{DeliveryState.QueuedForDigest}'", cancellationToken: ct))
        {
            queued.Add(e);
        }

        var chosen = queued.OrderBy(e => e.IntentAt).ThenBy(e => e.ItemId, StringComparer.Ordinal).Take(options.Value.DigestMaxArticles).Select(e => e.ItemId)
            .ToList();
        if (chosen.Count == 0) return chosen;
        var record = new WeChatDigestRecord { RowKey = date, Items = string.Join(',', chosen), ClientMsgId = ClientMsgId(date, chosen) };
        try
        {
            await storage.ChannelState.AddEntityAsync(record, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var now = (await storage.ChannelState.GetEntityAsync<WeChatDigestRecord>(WeChatDigestRecord.Partition, date, cancellationToken: ct)).Value;
            if (now.State != "deferred") return now.ItemList;
            await storage.ChannelState.UpdateEntityAsync(record, now.ETag, Azure.Data.Tables.TableUpdateMode.Replace, ct);
        }

        return chosen;
    }

    /// <summary>Sends the planned digest (draft, then mass send), records each item's verdict, and returns the digest's state.</summary>
    public async Task<string> SendAsync(string date, CancellationToken ct)
    {
        var record = (await storage.ChannelState.GetEntityAsync<WeChatDigestRecord>(WeChatDigestRecord.Partition, date, cancellationToken: ct)).Value;
        if (record.State != "planned") return record.State;
        var items = new List<(DeliveryEntry Entry, ArchivedItem Item)>();
        foreach (var id in record.ItemList)
        {
            var entry = await ledger.FindAsync(id, ChannelNames.WeChat, ct);
            if (entry?.State == DeliveryState.QueuedForDigest) items.Add((entry, await publications.GetArchivedAsync(id, ct)));
        }

        if (items.Count == 0) return await FinishAsync(record, "sent", "所选信息已撤回或已单独发布，本次不群发", ct);
        try
        {
            if (record.MediaId is null)
            {
                if (record.DraftIntent) logger.LogWarning("Digest {Date}: a draft may exist from an earlier attempt; a new one is added (drafts are not sent" +
                    " by themselves)", date);
                record.DraftIntent = true;
                await SaveAsync(record, ct);
                var articles = new List<WeChatArticle>();
                foreach (var (entry, item) in items)
                {
                    var body = sanitizer.Sanitize(item.Item.Body) + (attachments is null ? ""
                        : Attachments.AttachmentHtml.WeChat(await attachments.ResolveAsync(item.Item, ct), SourceUrl(item.Id)));
                    var content = await images.PrepareAsync(body, entry, ct); // notes saved with the verdict
                    articles.Add(WeChatPublisher.Article(item.Item, content, SourceUrl(item.Id), ""));
                }

                record.MediaId = await cover.WithCoverAsync(
                    thumb => client.AddDraftAsync([.. articles.Select(a => a with { thumb_media_id = thumb })], ct), ct);
                await SaveAsync(record, ct);
            }

            record.SendIntent = true;
            await SaveAsync(record, ct);
            var (msgId, msgDataId) = await client.MassSendAsync(record.MediaId, record.ClientMsgId, ct);
            record.MsgId = msgId;
            record.MsgDataId = msgDataId;
        }
        catch (WeChatApiException e) when (e.ErrCode == 45065 && e.MsgId is { } earlier)
        {
            // clientmsgid already used: this very digest went out in an earlier attempt.
            record.MsgId = earlier;
            record.Note = "重试时平台提示该批次已群发（45065），按已发送记录，未重复群发";
        }
        catch (WeChatApiException e) when (e.ErrCode is 45028 or 45009)
        {
            var reason = e.ErrCode == 45028 ? "今日群发次数已用完（45028）" : "接口调用超过频率限制（45009）";
            foreach (var (entry, _) in items)
            {
                DeliveryHistory.Append(entry, time.GetUtcNow(), $"{reason}，顺延至次日群发");
                await ledger.SaveAsync(entry, ct);
            }

            return await FinishAsync(record, "deferred", reason + "，顺延至次日", ct);
        }

        // Submitted is not sent: the job's outcome comes later (MASSSENDJOBFINISH or message/mass/get). Nothing is counted yet.
        record.SentAt = time.GetUtcNow();
        await massIndex.SaveAsync(record.MsgId!, date, ct);
        var index = 0;
        foreach (var (entry, _) in items)
        {
            index++;
            entry.State = DeliveryState.Accepted;
            entry.AcceptedAt ??= record.SentAt;
            entry.PlatformId = $"{record.MsgDataId ?? record.MsgId}#{index}";
            DeliveryHistory.Append(entry, time.GetUtcNow(), $"已提交 {date} 群发（msg_id {record.MsgId}，第{index}篇），等待平台群发结果");
            await ledger.SaveAsync(entry, ct);
        }

        return await FinishAsync(record, WeChatDigestRecord.AwaitingVerdict, record.Note ?? $"已提交群发 {items.Count} 篇，等待平台结果", ct);
    }

    string SourceUrl(string id) => $"{site.Value.BaseUrl.TrimEnd('/')}/{Website.SiteRenderer.ItemPath(id)}";

    async Task<string> FinishAsync(WeChatDigestRecord record, string state, string note, CancellationToken ct)
    {
        record.State = state;
        record.Note = note;
        await SaveAsync(record, ct);
        logger.LogInformation("WeChat digest {Date}: {State} — {Note}", record.RowKey, state, note);
        return state;
    }

    async Task SaveAsync(WeChatDigestRecord record, CancellationToken ct)
    {
        var response = await storage.ChannelState.UpdateEntityAsync(record, record.ETag, Azure.Data.Tables.TableUpdateMode.Replace, ct);
        record.ETag = response.Headers.ETag ?? record.ETag;
    }

    /// <summary>digest-{date}-{hash of the items}: the same batch repeats the same id (45065), another batch does not.</summary>
    static string ClientMsgId(string date, IEnumerable<string> ids) =>
        $"digest-{date}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', ids))))[..16]}";
}
