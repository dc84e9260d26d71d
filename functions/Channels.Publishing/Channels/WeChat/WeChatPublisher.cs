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
    IOptions<WeChatOptions> options)
    : IChannelPublisher
{
    /// <summary>WeChat's limit on an article's content (contract reference §1.5: under 20,000 characters).</summary>
    public const int MaxContentChars = 20_000;

    public string Channel => ChannelNames.WeChat;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var steps = WeChatSteps.Read(job.Entry.Steps);
        if (steps.PublishId is not null) return ChannelStep.Awaiting();
        var content = sanitizer.Sanitize(job.Item.Body);
        if (content.Length >= MaxContentChars)
        {
            return ChannelStep.Failed($"正文经净化后为{content.Length}字，超过微信图文消息2万字的上限，未发布；请精简正文后以新编号重新提交");
        }

        if (options.Value.DigestEnabled && !job.Item.IsEmergency && steps.MediaId is null && !steps.DraftIntent)
        {
            return ChannelStep.QueuedForDigest($"等待每日 {options.Value.DigestTime} 群发（订阅号每天可群发一次）");
        }

        var sourceUrl = SourceUrl(job.Item);
        var resubmitting = false;
        try
        {
            if (steps.MediaId is null)
            {
                var found = steps.DraftIntent ? await reconciler.FindDraftAsync(sourceUrl, ct) : null;
                if (found is null)
                {
                    content = await images.PrepareAsync(content, job.Entry, ct);
                    await SaveAsync(job, steps = steps with { DraftIntent = true }, ct);
                    found = await client.AddDraftAsync(Article(job.Item, content, sourceUrl, await cover.MediaIdAsync(ct)), ct);
                }

                await SaveAsync(job, steps = steps with { MediaId = found }, ct);
            }

            resubmitting = steps.SubmitIntent;
            if (resubmitting && await reconciler.FindPublishedAsync(sourceUrl, ct) is { } published)
            {
                job.Entry.PlatformId = published.ArticleId;
                job.Entry.Url = published.Url;
                await SaveAsync(job, steps with { ArticleId = published.ArticleId }, ct);
                return Delivered(job);
            }

            await SaveAsync(job, steps = steps with { SubmitIntent = true }, ct);
            var (publishId, _) = await client.SubmitPublishAsync(steps.MediaId!, ct);
            await index.SaveAsync(publishId, job.Item.Id, ct); // first: a PUBLISHJOBFINISH push may follow at once
            await SaveAsync(job, steps with { PublishId = publishId }, ct);
            return ChannelStep.Awaiting();
        }
        catch (WeChatApiException e) when (e.ErrCode == 53503 && resubmitting)
        {
            // The draft is gone but no publication matches yet: the lost submit may still be publishing. Never
            // submit blindly again — let the activity retry, which looks the publication up first.
            throw new InvalidOperationException("微信发布提交结果未知：草稿已被提交，尚未在已发布列表中找到，稍后再次核对", e);
        }
        catch (WeChatApiException e) when (e.IsCredentialProblem)
        {
            return ChannelStep.CredentialsExpired(e.CredentialReason());
        }
        catch (WeChatApiException e) when (e.IsPermanent)
        {
            return ChannelStep.Failed($"微信平台拒绝：{e.Message}");
        }
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
        var publishId = WeChatSteps.Read(job.Entry.Steps).PublishId;
        if (publishId is null) return await SendAsync(job, ct);
        var status = await client.GetPublishAsync(publishId, ct);
        switch (status.Status)
        {
            case 0:
                job.Entry.PlatformId = status.ArticleId;
                job.Entry.Url = status.ArticleUrls.FirstOrDefault();
                return Delivered(job);
            case 1:
                return ChannelStep.Awaiting();
            default:
                return ChannelStep.Failed(Verdict(status.Status));
        }
    }

    /// <summary>A final publish_status in words (freepublish/get and the PUBLISHJOBFINISH push alike).</summary>
    internal static string Verdict(int status) => status switch
    {
        2 => "微信发布失败：原创校验未通过",
        3 => "微信发布失败：平台常规失败",
        4 => "微信发布失败：平台审核不通过",
        5 => "微信发布成功后已被删除",
        6 => "微信发布成功后已被平台封禁",
        _ => $"微信发布状态未知（{status}）",
    };

    internal static WeChatArticle Article(PublicationItem item, string content, string sourceUrl, string thumbMediaId)
    {
        var digest = item.Summary ?? BodySanitizer.ToPlainText(item.Body);
        return new WeChatArticle(
            item.Title,
            item.Publisher.Length > 8 ? item.Publisher[..8] : item.Publisher,
            digest.Length > 120 ? digest[..120] : digest,
            content,
            sourceUrl,
            thumbMediaId);
    }
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

    public static WeChatSteps Read(string? json) =>
        json is null ? new() : JsonSerializer.Deserialize<WeChatSteps>(json, ChannelsJson.Options) ?? new();

    public string Write() => JsonSerializer.Serialize(this, ChannelsJson.Options);
}
