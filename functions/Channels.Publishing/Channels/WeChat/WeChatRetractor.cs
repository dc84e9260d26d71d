using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>Deletes the published article (freepublish/delete); an article already gone (53600) counts as deleted.</summary>
public sealed class WeChatRetractor(WeChatClient client) : IChannelRetractor
{
    public string Channel => ChannelNames.WeChat;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        var articleId = job.Delivery.Progress.PlatformId;
        if (string.IsNullOrEmpty(articleId)) return RetractStep.Retracted("微信未曾发出，无需删除");
        try
        {
            await client.DeletePublishedAsync(articleId, ct);
            return RetractStep.Retracted($"已删除公众号文章（article_id {articleId}）；已推送到用户的群发消息无法撤回");
        }
        catch (WeChatApiException e) when (e.ErrCode == 53600)
        {
            return RetractStep.Retracted($"公众号文章（article_id {articleId}）此前已删除");
        }
        catch (WeChatApiException e) when (e.IsPermanent)
        {
            throw new PermanentChannelException($"微信平台拒绝删除：{e.Message}");
        }
    }
}
