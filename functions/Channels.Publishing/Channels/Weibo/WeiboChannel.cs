using Channels.Publishing.Items;
using Channels.Publishing.Statistics;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>Government Weibo (政务微博): one status per item, paced by the hourly posting budget.</summary>
public static class WeiboChannel
{
    public static readonly ChannelDescriptor Descriptor = new(ChannelNames.Weibo, "政务微博")
    {
        Paced = true,
        WatchedAccount = true,
        Metrics = [new(Metrics.Post, "发布", "篇")],
    };
}
