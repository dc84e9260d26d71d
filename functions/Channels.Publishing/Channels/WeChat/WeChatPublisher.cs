using System.Text.Json;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// WeChat Official Account: draft/add → freepublish/submit → freepublish/get until the platform's verdict.
/// media_id and publish_id are recorded in the ledger as soon as they come back, so a retry resumes, never repeats.
/// </summary>
public sealed class WeChatPublisher(WeChatClient client, BodySanitizer sanitizer, IOptions<WeChatOptions> options, IOptions<WebsiteOptions> site) : IChannelPublisher
{
    public string Channel => ChannelNames.WeChat;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var steps = WeChatSteps.Read(job.Entry.Steps);
        if (steps.PublishId is not null) return ChannelStep.Awaiting();
        try
        {
            if (steps.MediaId is null)
            {
                steps = steps with { MediaId = await client.AddDraftAsync(Article(job.Item), ct) };
                job.Entry.Steps = steps.Write();
                await job.SaveAsync(ct);
            }

            var (publishId, _) = await client.SubmitPublishAsync(steps.MediaId, ct);
            job.Entry.Steps = (steps with { PublishId = publishId }).Write();
            await job.SaveAsync(ct);
            return ChannelStep.Awaiting();
        }
        catch (WeChatApiException e) when (e.IsPermanent)
        {
            return ChannelStep.Failed($"微信平台拒绝：{e.Message}");
        }
    }

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
                return ChannelStep.Delivered(new CountedPost(Channel, job.Item.Id, Metrics.Article));
            case 1:
                return ChannelStep.Awaiting();
            default:
                return ChannelStep.Failed(Verdict(status.Status));
        }
    }

    static string Verdict(int status) => status switch
    {
        2 => "微信发布失败：原创校验未通过",
        3 => "微信发布失败：平台常规失败",
        4 => "微信发布失败：平台审核不通过",
        5 => "微信发布成功后已被删除",
        6 => "微信发布成功后已被平台封禁",
        _ => $"微信发布状态未知（{status}）",
    };

    WeChatArticle Article(PublicationItem item)
    {
        var digest = item.Summary ?? BodySanitizer.ToPlainText(item.Body);
        return new WeChatArticle(
            item.Title,
            item.Publisher.Length > 8 ? item.Publisher[..8] : item.Publisher,
            digest.Length > 120 ? digest[..120] : digest,
            sanitizer.Sanitize(item.Body),
            $"{site.Value.BaseUrl.TrimEnd('/')}/{SiteRenderer.ItemPath(item.Id)}",
            options.Value.ThumbMediaId);
    }
}

/// <summary>The intermediate WeChat ids kept in the ledger row.</summary>
internal sealed record WeChatSteps(string? MediaId = null, string? PublishId = null)
{
    public static WeChatSteps Read(string? json) =>
        json is null ? new() : JsonSerializer.Deserialize<WeChatSteps>(json, ChannelsJson.Options) ?? new();

    public string Write() => JsonSerializer.Serialize(this, ChannelsJson.Options);
}
