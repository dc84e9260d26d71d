using Channels.Publishing.Items;
using Channels.Publishing.Statistics;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// The information bulletin boards (信息公告栏, the term of 条例第二十五条) with their printed daily issues, and the
/// monthly 政府公报 built from the same items.
/// </summary>
public static class BulletinChannel
{
    public static readonly ChannelDescriptor Descriptor = new(ChannelNames.Bulletin, "信息公告栏")
    {
        Metrics = [new(Metrics.Item, "信息条数")],
        Validate = (p, item, _) => ItemValidator.CheckBulletin(p, item.Bulletin),
    };
}
