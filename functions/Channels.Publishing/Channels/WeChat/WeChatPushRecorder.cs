using Azure;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Channels.Website;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>A PUBLISHJOBFINISH event: publish_id, publish_status, article_id and the article URLs.</summary>
public sealed record WeChatPublishEvent(string PublishId, int Status, string? ArticleId, IReadOnlyList<string> ArticleUrls);

/// <summary>
/// Records the verdict a PUBLISHJOBFINISH push brings, exactly as a freepublish/get poll would (article id and URL on
/// 0, the reason in Chinese on 2/3/4/5/6), on the ledger row of the publication that holds this publish_id. Whichever
/// of push and poll arrives first wins: a row already final is left alone, the counted post is an idempotent upsert,
/// and the row is saved If-Match its ETag so a poll saving at the same moment makes one of the two re-read and stop.
/// The waiting orchestration needs no event: its next poll finds the row final and ends. A push whose publish_id we
/// never saw (the answer to freepublish/submit was lost) is matched through the article's content_source_url.
/// </summary>
public sealed class WeChatPushRecorder(
    WeChatPublishIndex index, DeliveryLedger ledger, PublicationStore publications, CountingIndex counting, WeChatClient client,
    IOptions<WebsiteOptions> site, TimeProvider time, ILogger<WeChatPushRecorder> logger)
{
    public const string NotePrefix = "微信推送 PUBLISHJOBFINISH：";

    /// <summary>What happened: "recorded", "already-final", "unknown" (no such publish_id here) or "publishing".</summary>
    public async Task<string> RecordAsync(WeChatPublishEvent e, CancellationToken ct)
    {
        if (e.Status == 1) return "publishing";
        var itemId = await index.ItemOfAsync(e.PublishId, ct) ?? await LostSubmitAsync(e, ct);
        if (itemId is null)
        {
            logger.LogWarning("PUBLISHJOBFINISH for unknown publish_id {PublishId} ignored (polling decides)", e.PublishId);
            return "unknown";
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var entry = await ledger.FindAsync(itemId, ChannelNames.WeChat, ct);
            var steps = entry is null ? null : WeChatSteps.Read(entry.Steps);
            if (entry is null || steps is null || (steps.PublishId != e.PublishId && !(steps.PublishId is null && steps.Reconciling))) return "unknown";
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

    /// <summary>
    /// A publish_id we never heard of may be a submit whose answer was lost: the publication's articles carry our item's
    /// website URL as content_source_url (freepublish/getarticle), which names the item. Only a success can be matched.
    /// </summary>
    async Task<string?> LostSubmitAsync(WeChatPublishEvent e, CancellationToken ct)
    {
        if (e.Status != 0 || string.IsNullOrEmpty(e.ArticleId)) return null;
        var prefix = site.Value.BaseUrl.TrimEnd('/') + "/items/";
        IReadOnlyList<string> urls;
        try
        {
            urls = await client.GetArticleSourceUrlsAsync(e.ArticleId, ct);
        }
        catch (Exception x) when (WeChatPublisher.IsTransient(x) || x is WeChatApiException)
        {
            logger.LogWarning(x, "PUBLISHJOBFINISH {PublishId}: freepublish/getarticle failed; polling reconciles", e.PublishId);
            return null;
        }

        var url = urls.FirstOrDefault(u => u.StartsWith(prefix, StringComparison.Ordinal) && u.EndsWith(".html", StringComparison.Ordinal));
        var id = url?[prefix.Length..^".html".Length];
        if (id is null || !ItemValidator.IsWellFormedId(id)) return null;
        await index.SaveAsync(e.PublishId, id, ct);
        return id;
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
            entry.Error = WeChatPublishVerdict.Of(e.Status).Reason;
            note = NotePrefix + entry.Error;
        }

        var steps = WeChatSteps.Read(entry.Steps) with { Verdict = WeChatPublishVerdict.Of(e.Status).Name, PublishId = e.PublishId, Reconciling = false };
        entry.Steps = steps.Write();

        entry.FinishedAt = now;
        DeliveryHistory.Append(entry, now, note);
        await ledger.SaveAsync(entry, ct);
    }
}
