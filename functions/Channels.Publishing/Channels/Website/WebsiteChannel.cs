using Channels.Publishing.Items;
using Channels.Publishing.Statistics;

namespace Channels.Publishing.Channels.Website;

/// <summary>The government website (政府网站): column pages on the static site; counts items, column postings, 条例 categories.</summary>
public static class WebsiteChannel
{
    public static readonly ChannelDescriptor Descriptor = new(ChannelNames.Website, "政府网站")
    {
        Metrics = [new(Metrics.Item, "信息条数"), new(Metrics.Column, "栏目发布"), new(Metrics.Category, "条例第二十条第(一)项", "件")],
        Validate = (p, item, columns) => ItemValidator.CheckColumns(p, item, columns),
    };
}
