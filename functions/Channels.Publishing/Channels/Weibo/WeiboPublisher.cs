using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>
/// Weibo: one status per item, "【title】summary + the item's website URL" within 140 as Weibo counts them.
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
        if (job.Progress.PlatformId is not null) return Delivered(job);
        if (await credentials.HeldReasonAsync(ct) is { } held) return ChannelStep.CredentialsExpired(held);
        try
        {
            var (id, uid) = await client.ShareAsync(StatusOf(job.Item), ct);
            return Delivered(job) with { Platform = new PlatformRecord(id, $"https://weibo.com/{uid ?? "u"}/{id}") };
        }
        catch (WeiboApiException e) when (e.IsDuplicate && job.Progress.Attempt > 1)
        {
            return Delivered(job) with
            {
                Platform = new PlatformRecord("reconciled:" + e.Code), Note = "重试时微博提示内容重复：此前的发布已成功，不再重复发布",
            };
        }
        catch (WeiboApiException e) when (e.IsCredentialProblem)
        {
            return ChannelStep.CredentialsExpired(await credentials.HoldAsync(e, ct));
        }
        catch (WeiboApiException e) when (e.IsPermanent || e.IsDuplicate)
        {
            return ChannelStep.Failed(e.ChineseReason is { } reason ? $"微博平台拒绝：{reason}（{e.Message}）" : $"微博平台拒绝：{e.Message}");
        }
    }

    public Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct) => SendAsync(job, ct);

    ChannelStep Delivered(DeliveryJob job) => ChannelStep.Delivered(new CountedPost(Channel, job.Item.Id, Metrics.Post));

    /// <summary>The status text statuses/share is sent for <paramref name="item"/>, linking to its website page.</summary>
    public string StatusOf(PublicationItem item) => Status(item, $"{site.Value.BaseUrl.TrimEnd('/')}/{SiteRenderer.ItemPath(item.Id)}");

    /// <summary>
    /// Builds the status text: "【title】summary URL", within 140 as Weibo counts it (<see cref="WeiboTextLength"/>: two
    /// half-width characters make one, a link counts 10), the summary (then the title) shortened with "…" when needed.
    /// </summary>
    public static string Status(PublicationItem item, string url)
    {
        // statuses/share refuses a "#话题词#": a '#' of the text is written full-width (＃), which is no topic marker.
        var text = ($"【{item.Title}】" + (item.Summary ?? BodySanitizer.ToPlainText(item.Body))).Replace('#', '＃');
        var tail = " " + url;
        if (WeiboTextLength.Fits(text + tail)) return text + tail;
        int low = 0, high = text.Length; // the longest prefix that fits with "…"
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (WeiboTextLength.Fits(Cut(text, mid) + "…" + tail)) low = mid;
            else high = mid - 1;
        }

        while (low > 0 && !WeiboTextLength.Fits(Cut(text, low) + "…" + tail)) low--;
        return Cut(text, low) + "…" + tail;
    }

    /// <summary>The first <paramref name="length"/> UTF-16 units, never splitting a surrogate pair.</summary>
    static string Cut(string text, int length) =>
        length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
