using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>
/// Weibo: one status per item, "【title】summary + the item's website URL" within 140 characters.
/// The URL makes the text unique per item, so a 20019 (identical text) after an earlier attempt means
/// the earlier post went through: it is recorded as delivered, never posted again. An expired or invalid token holds
/// the channel (<see cref="WeiboCredentials"/>); the hourly budget is kept by <see cref="WeiboPostingWindow"/>.
/// </summary>
public sealed class WeiboPublisher(WeiboClient client, WeiboCredentials credentials, IOptions<WebsiteOptions> site) : IChannelPublisher
{
    public const int MaxLength = 140;

    public string Channel => ChannelNames.Weibo;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        if (job.Entry.PlatformId is not null) return Delivered(job);
        if (await credentials.HeldReasonAsync(ct) is { } held) return ChannelStep.CredentialsExpired(held);
        try
        {
            var (id, uid) = await client.ShareAsync(Status(job.Item, $"{site.Value.BaseUrl.TrimEnd('/')}/{SiteRenderer.ItemPath(job.Item.Id)}"), ct);
            job.Entry.PlatformId = id;
            job.Entry.Url = $"https://weibo.com/{uid ?? "u"}/{id}";
            return Delivered(job);
        }
        catch (WeiboApiException e) when (e.IsDuplicate && job.Entry.Attempts > 1)
        {
            job.Entry.PlatformId = "reconciled:" + e.Code;
            job.Entry.Error = "重试时微博提示内容重复：此前的发布已成功，不再重复发布";
            return Delivered(job);
        }
        catch (WeiboApiException e) when (e.IsCredentialProblem)
        {
            return ChannelStep.CredentialsExpired(await credentials.HoldAsync(e, ct));
        }
        catch (WeiboApiException e) when (e.IsPermanent || e.IsDuplicate)
        {
            return ChannelStep.Failed($"微博平台拒绝：{e.Message}");
        }
    }

    public Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct) => SendAsync(job, ct);

    ChannelStep Delivered(DeliveryJob job) => ChannelStep.Delivered(new CountedPost(Channel, job.Item.Id, Metrics.Post));

    /// <summary>Builds the status text: never longer than 140 characters, always ending with the URL.</summary>
    public static string Status(PublicationItem item, string url)
    {
        var head = $"【{item.Title}】";
        var summary = item.Summary ?? BodySanitizer.ToPlainText(item.Body);
        var room = MaxLength - url.Length - 1;
        var text = head + summary;
        if (text.Length > room) text = text[..Math.Max(0, room - 1)] + "…";
        return text + " " + url;
    }
}
