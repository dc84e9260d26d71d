using Channels.Publishing.Channels.Bulletin;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Channels.Weibo;

namespace Channels.Publishing.Channels;

/// <summary>
/// The registered channels, in registration order: names, labels, pacing, what they count. One per host (DI);
/// <see cref="BuiltIn"/> is the five channels of the v1 contract, for pure code that runs without a host.
/// </summary>
public sealed class ChannelCatalog
{
    readonly Dictionary<string, ChannelDescriptor> byName;

    public ChannelCatalog(IEnumerable<ChannelDescriptor> descriptors)
    {
        // The v1 channels in their contract order, then the others in registration order.
        All = [.. descriptors.DistinctBy(d => d.Name, StringComparer.Ordinal).Select((d, i) => (d, i))
            .OrderBy(x => V1Index(x.d.Name)).ThenBy(x => x.i).Select(x => x.d)];
        byName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);
        Names = [.. All.Select(d => d.Name)];
    }

    /// <summary>The five channels of the v1 contract.</summary>
    public static ChannelCatalog BuiltIn { get; } = new(
        [WebsiteChannel.Descriptor, WeChatChannel.Descriptor, WeiboChannel.Descriptor, SmsChannel.Descriptor, BulletinChannel.Descriptor]);

    public IReadOnlyList<ChannelDescriptor> All { get; }

    static int V1Index(string name)
    {
        for (var i = 0; i < Items.ChannelNames.All.Count; i++)
        {
            if (Items.ChannelNames.All[i] == name) return i;
        }

        return int.MaxValue;
    }

    public IReadOnlyList<string> Names { get; }

    public bool IsKnown(string? name) => name is not null && byName.ContainsKey(name);

    public ChannelDescriptor? Find(string? name) => name is not null && byName.TryGetValue(name, out var d) ? d : null;

    /// <summary>The channel's Chinese label (the name itself for a channel this host does not know).</summary>
    public string Label(string channel) => Find(channel)?.Label ?? channel;

    public bool IsPaced(string channel) => Find(channel)?.Paced == true;

    /// <summary>Registration order (unknown names last), for lists and reports.</summary>
    public int Order(string channel)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == channel) return i;
        }

        return int.MaxValue;
    }
}
