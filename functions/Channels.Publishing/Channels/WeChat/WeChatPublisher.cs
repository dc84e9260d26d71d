using System.Text.Json;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// WeChat Official Account: draft/add → freepublish/submit → freepublish/get until the platform's verdict.
/// Intent → call → record: a flag is saved before draft/add and before freepublish/submit, media_id and publish_id
/// right after. A retry that finds a flag without its id reconciles first (the draft or publication is looked up by
/// the article's source URL) and only calls again when nothing was created. Credentials and configuration errors
/// fail the channel at once with the reason in Chinese; the body is sanitised and must stay under 20,000 characters.
/// </summary>
public sealed class WeChatPublisher(
    WeChatClient client, WeChatCover cover, WeChatReconciler reconciler, WeChatPublishIndex index, WeChatBodyImages images, BodySanitizer sanitizer,
    IOptions<WebsiteOptions> site,
    IOptions<WeChatOptions> options, TimeProvider time, Attachments.AttachmentLinks? attachments = null)
    : IChannelPublisher
{
    /// <summary>WeChat's limit on an article's content: under 20,000 characters and under 1 MB (see <see cref="WeChatItemRules"/>).</summary>
    public const int MaxContentChars = WeChatItemRules.MaxContentChars;

    public string Channel => ChannelNames.WeChat;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var steps = WeChatSteps.Read(job.Entry.Steps);
        if (steps.PublishId is not null || steps.Reconciling) return ChannelStep.Awaiting();
        var content = sanitizer.Sanitize(job.Item.Body);
        // WeChat cannot carry the files: a line sends the reader to the website page that offers them.
        if (attachments is not null) content += Attachments.AttachmentHtml.WeChat(await attachments.ResolveAsync(job.Item, ct), SourceUrl(job.Item));
        if (TooLong(content) is { } tooLong) return ChannelStep.Failed(tooLong + "，未发布；请精简正文后以新编号重新提交");

        if (options.Value.DigestEnabled && !job.Item.IsEmergency && steps.MediaId is null && !steps.DraftIntent)
        {
            return ChannelStep.QueuedForDigest($"等待每日 {options.Value.DigestTime} 群发（订阅号每天可群发一次）");
        }

        var sourceUrl = SourceUrl(job.Item);
        var resubmitting = steps.SubmitIntent; // an earlier attempt may have submitted: 53503 then means "already submitted"
        try
        {
            if (steps.MediaId is null)
            {
                var found = steps.DraftIntent ? await reconciler.FindDraftAsync(sourceUrl, ct) : null;
                if (found is null)
                {
                    content = await images.PrepareAsync(content, job.Entry, ct);
                    await SaveAsync(job, steps = steps with { DraftIntent = true }, ct);
                    var article = content;
                    found = await cover.WithCoverAsync(thumb => client.AddDraftAsync(Article(job.Item, article, sourceUrl, thumb), ct), ct);
                }

                await SaveAsync(job, steps = steps with { MediaId = found }, ct);
            }

            if (steps.SubmitIntent && await reconciler.FindPublishedAsync(sourceUrl, ct) is { } published)
            {
                return await FoundAsync(job, steps, published, ct);
            }

            await SaveAsync(job, steps = steps with { SubmitIntent = true }, ct);
            return await SubmitAsync(job, steps, ct);
        }
        catch (WeChatApiException e) when (e.ErrCode == 53503 && resubmitting)
        {
            // The draft left the draft box (it was submitted) but no publication matches yet: the lost submit may still
            // be publishing. Never submit blindly again — reconcile on every verdict poll until it is found.
            return await ReconcileLaterAsync(job, steps, "草稿已被提交（53503），尚未在已发布列表中找到", ct);
        }
        catch (Exception e) when (steps.SubmitIntent && IsTransient(e))
        {
            // freepublish/submit may have reached the platform although its answer was lost: an article may be live.
            return await ReconcileLaterAsync(job, steps, e.Message, ct);
        }
        catch (WeChatApiException e) when (e.IsCredentialProblem)
        {
            return ChannelStep.CredentialsExpired(e.CredentialReason());
        }
        catch (WeChatApiException e) when (e.IsContentRefusal)
        {
            return ChannelStep.Failed(e.ContentReason());
        }
        catch (WeChatApiException e) when (e.IsPermanent)
        {
            return ChannelStep.Failed($"微信平台拒绝：{e.Message}");
        }
    }

    /// <summary>
    /// The article draft/add would carry for <paramref name="item"/> (its cover aside): the sanitised content with its images as
    /// <see cref="WeChatBodyImages.PreviewAsync"/> says they would be handled, a reason when it is too long for WeChat, and
    /// notes (images dropped, the daily digest). Nothing is uploaded or sent.
    /// </summary>
    public async Task<(WeChatArticle Article, string? Problem, IReadOnlyList<string> Notes)> PreviewAsync(PublicationItem item, CancellationToken ct)
    {
        var content = sanitizer.Sanitize(item.Body);
        if (attachments is not null) content += Attachments.AttachmentHtml.WeChat(await attachments.ResolveKnownAsync(item, ct), SourceUrl(item));
        var (html, notes) = await images.PreviewAsync(content, ct);
        if (options.Value.DigestEnabled && !item.IsEmergency) notes = [.. notes, $"等待每日 {options.Value.DigestTime} 群发（订阅号每天可群发一次）"];
        return (Article(item, html, SourceUrl(item), ""), TooLong(content), notes);
    }

    /// <summary>Why a sanitised body is too long for an article (under 20,000 characters and 1 MB), or null.</summary>
    static string? TooLong(string content) =>
        content.Length >= MaxContentChars || System.Text.Encoding.UTF8.GetByteCount(content) >= WeChatItemRules.MaxContentBytes
            ? $"正文经净化后为{content.Length}字，超过微信图文消息2万字的上限"
            : null;

    /// <summary>Trouble a later call may not meet: network, timeout, 5xx, -1 system busy. Not quota (deferred) nor refusals.</summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        WeChatApiException w => !w.IsPermanent && !w.IsCredentialProblem && w.Window is null,
        HttpRequestException or TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    async Task<ChannelStep> SubmitAsync(DeliveryJob job, WeChatSteps steps, CancellationToken ct)
    {
        var (publishId, _) = await client.SubmitPublishAsync(steps.MediaId!, ct);
        await index.SaveAsync(publishId, job.Item.Id, ct); // first: a PUBLISHJOBFINISH push may follow at once
        await SaveAsync(job, steps with { PublishId = publishId, Reconciling = false }, ct);
        return ChannelStep.Awaiting();
    }

    async Task<ChannelStep> ReconcileLaterAsync(DeliveryJob job, WeChatSteps steps, string why, CancellationToken ct)
    {
        DeliveryHistory.Append(job.Entry, time.GetUtcNow(),
            $"微信发布提交结果未知（{why}）：每次核对时先在已发布列表中按原文链接查找，找到即记为已发布；草稿仍在草稿箱时才重新提交");
        await SaveAsync(job, steps with { Reconciling = true }, ct);
        return ChannelStep.Awaiting();
    }

    async Task<ChannelStep> FoundAsync(DeliveryJob job, WeChatSteps steps, (string ArticleId, string? Url) published, CancellationToken ct)
    {
        job.Entry.PlatformId = published.ArticleId;
        job.Entry.Url = published.Url;
        DeliveryHistory.Append(job.Entry, time.GetUtcNow(), $"核对找到已发布的公众号文章（article_id {published.ArticleId}），未重复提交");
        await SaveAsync(job, steps with { ArticleId = published.ArticleId, Reconciling = false }, ct);
        return Delivered(job);
    }

    static Task SaveAsync(DeliveryJob job, WeChatSteps steps, CancellationToken ct)
    {
        job.Entry.Steps = steps.Write();
        return job.SaveAsync(ct);
    }

    ChannelStep Delivered(DeliveryJob job) => ChannelStep.Delivered(new CountedPost(Channel, job.Item.Id, Metrics.Article));

    internal string SourceUrl(PublicationItem item) => $"{site.Value.BaseUrl.TrimEnd('/')}/{SiteRenderer.ItemPath(item.Id)}";

    public async Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct)
    {
        var steps = WeChatSteps.Read(job.Entry.Steps);
        if (steps.PublishId is null && !steps.Reconciling) return await SendAsync(job, ct);
        try
        {
            if (steps.PublishId is null)
            {
                // A lost submit: published → found; otherwise submit the draft again — safe, because a draft that was
                // submitted has left the draft box and the platform answers 53503 instead of publishing it twice.
                if (await reconciler.FindPublishedAsync(SourceUrl(job.Item), ct) is { } published) return await FoundAsync(job, steps, published, ct);
                return steps.MediaId is null ? ChannelStep.Awaiting() : await SubmitAsync(job, steps, ct);
            }

            var status = await client.GetPublishAsync(steps.PublishId, ct);
            if (status.Status == 1) return ChannelStep.Awaiting();
            var verdict = WeChatPublishVerdict.Of(status.Status);
            await SaveAsync(job, steps with { Verdict = verdict.Name, ArticleId = status.ArticleId ?? steps.ArticleId }, ct);
            if (!verdict.Published) return ChannelStep.Failed(verdict.Reason);
            job.Entry.PlatformId = status.ArticleId;
            job.Entry.Url = status.ArticleUrls.FirstOrDefault();
            return Delivered(job);
        }
        catch (WeChatApiException e) when (e.ErrCode == 53503 && steps.PublishId is null)
        {
            return ChannelStep.Awaiting(); // still not listed: the lost submit may still be publishing
        }
        catch (Exception e) when (IsTransient(e))
        {
            // A verdict poll that failed is simply not an answer yet: the next poll asks again.
            return ChannelStep.Awaiting();
        }
    }

    /// <summary>The draft/add article: the WeChat title and digest (see <see cref="WeChatItemRules"/>), the publisher as author.</summary>
    internal static WeChatArticle Article(PublicationItem item, string content, string sourceUrl, string thumbMediaId) => new(
        WeChatItemRules.TitleOf(item),
        item.Publisher,
        WeChatItemRules.DigestOf(item),
        content,
        sourceUrl,
        thumbMediaId);
}

/// <summary>The intermediate WeChat ids kept in the ledger row.</summary>
internal sealed record WeChatSteps(string? MediaId = null, string? PublishId = null)
{
    /// <summary>draft/add was (about to be) called: a retry without MediaId looks the draft up first.</summary>
    public bool DraftIntent { get; init; }

    /// <summary>freepublish/submit was (about to be) called: a retry without PublishId looks the publication up first.</summary>
    public bool SubmitIntent { get; init; }

    /// <summary>Set when the publication was found by reconciliation (its publish_id never came back).</summary>
    public string? ArticleId { get; init; }

    /// <summary>The answer to freepublish/submit was lost: every verdict poll looks the publication up until it is found.</summary>
    public bool Reconciling { get; init; }

    /// <summary>The named final state (<see cref="WeChatPublishVerdict.Name"/>): published, review-rejected, …</summary>
    public string? Verdict { get; init; }

    public static WeChatSteps Read(string? json) =>
        json is null ? new() : JsonSerializer.Deserialize<WeChatSteps>(json, ChannelsJson.Options) ?? new();

    public string Write() => JsonSerializer.Serialize(this, ChannelsJson.Options);
}
