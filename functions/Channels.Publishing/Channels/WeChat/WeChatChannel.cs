using Channels.Publishing.Items;
using Channels.Publishing.Statistics;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>The WeChat Official Account (微信公众号): articles, and the daily digest's mass sends (群发).</summary>
public static class WeChatChannel
{
    public static readonly ChannelDescriptor Descriptor = new(ChannelNames.WeChat, "微信公众号")
    {
        WatchedAccount = true,
        Metrics = [new(Metrics.Article, "文章", "篇"), new(Metrics.MassSend, "群发", "次")],
        Validate = (p, item, _) => ItemValidator.CheckWeChat(p, item),
    };
}
