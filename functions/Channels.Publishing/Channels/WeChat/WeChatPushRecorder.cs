using Azure;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>A PUBLISHJOBFINISH event: publish_id, publish_status, article_id and the article URLs.</summary>
public sealed record WeChatPublishEvent(string PublishId, int Status, string? ArticleId, IReadOnlyList<string> ArticleUrls);

/// <summary>
/// Records the verdict a PUBLISHJOBFINISH push brings, exactly as a freepublish/get poll would (article id and URL on
/// 0, the reason in Chinese on 2/3/4/5/6), on the ledger row of the publication that holds this publish_id. Whichever
/// of push and poll arrives first wins: a row already final is left alone, the counted post is an idempotent upsert,
/// and the row is saved If-Match its ETag so a poll saving at the same moment makes one of the two re-read and stop.
/// The waiting orchestration needs no event: its next poll finds the row final and ends.
/// </summary>
public sealed class WeChatPushRecorder(
    WeChatPublishIndex index, DeliveryLedger ledger, PublicationStore publications, CountingIndex counting, TimeProvider time,
        ILogger<WeChatPushRecorder> logger)
{
    public const string NotePrefix = "微信推送 PUBLISHJOBFINISH：";

    /// <summary>What happened: "recorded", "already-final", "unknown" (no such publish_id here) or "publishing".</summary>
    public async Task<string> RecordAsync(WeChatPublishEvent e, CancellationToken ct)
    {
        if (e.Status == 1) return "publishing";
        if (await index.ItemOfAsync(e.PublishId, ct) is not { } itemId)
        {
            logger.LogWarning("PUBLISHJOBFINISH for unknown publish_id {PublishId} ignored (polling decides)", e.PublishId);
            return "unknown";
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var entry = await ledger.FindAsync(itemId, ChannelNames.WeChat, ct);
            if (entry is null || WeChatSteps.Read(entry.Steps).PublishId != e.PublishId) return "unknown";
            if (DeliveryState.IsFinal(entry.State)) return "already-final";
            try
            {
                await ApplyAsync(entry, e, ct);
                logger.LogInformation("PUBLISHJOBFINISH recorded {Item}: publish_status {Status}", itemId, e.Status);
                return "recorded";
            }
            catch (RequestFailedException x) when (x.Status == 412)
            {
                // A poll saved the row meanwhile: read it again (it is probably final now).
            }
        }

        return "already-final";
    }

    async Task ApplyAsync(DeliveryEntry entry, WeChatPublishEvent e, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        string note;
        if (e.Status == 0)
        {
            var record = await publications.FindAsync(entry.ItemId, ct) ?? throw new InvalidOperationException($"publication {entry.ItemId} not found");
            await counting.CountAsync(record.Year, ChinaTime.ToChina(record.PublishAt).Month, [new CountedPost(ChannelNames.WeChat, entry.ItemId,
                Metrics.Article)], ct);
            entry.State = DeliveryState.Delivered;
            entry.PlatformId = e.ArticleId;
            entry.Url = e.ArticleUrls.FirstOrDefault();
            entry.Error = null;
            note = NotePrefix + "发布成功（article_id " + e.ArticleId + "）";
        }
        else
        {
            entry.State = DeliveryState.Failed;
            entry.Error = WeChatPublisher.Verdict(e.Status);
            note = NotePrefix + entry.Error;
        }

        entry.FinishedAt = now;
        DeliveryHistory.Append(entry, now, note);
        await ledger.SaveAsync(entry, ct);
    }
}
