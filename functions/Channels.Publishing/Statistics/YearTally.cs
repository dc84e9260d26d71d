using Channels.Publishing.Channels;
using Channels.Publishing.Items;

namespace Channels.Publishing.Statistics;

/// <summary>
/// Adds counting-index rows up, per channel and metric (whatever the registered channels count), into a year's
/// statistics and its months. The five v1 channels fill the v1 shape; any other channel is reported under
/// <see cref="YearStatistics.Channels"/> with the labels of its descriptor.
/// </summary>
internal sealed class YearTally(int year, ChannelCatalog? channels = null)
{
    readonly ChannelCatalog catalog = channels ?? ChannelCatalog.BuiltIn;
    readonly Dictionary<(string Channel, string Metric), Counter> counters = [];

    /// <summary>One (channel, metric): posts and units per month (index 0 = month unknown), and posts per name (a column, an issue).</summary>
    sealed class Counter
    {
        public readonly int[] Posts = new int[13];
        public readonly int[] Units = new int[13];
        public readonly SortedDictionary<string, int> Names = new(StringComparer.Ordinal);
    }

    public void Add(string? channel, string? metric, string? name, int units, int month)
    {
        if (channel is null || metric is null) return;
        var m = month is >= 1 and <= 12 ? month : 0;
        if (!counters.TryGetValue((channel, metric), out var c)) counters[(channel, metric)] = c = new Counter();
        c.Posts[m]++;
        c.Units[m] += units;
        if (name is not null || metric == Metrics.Column || metric == Metrics.Category) c.Names[name ?? "?"] = c.Names.GetValueOrDefault(name ?? "?") + 1;
    }

    Counter? Of(string channel, string metric) => counters.GetValueOrDefault((channel, metric));

    int Posts(string channel, string metric, int? month = null) => Of(channel, metric) is { } c ? (month is { } m ? c.Posts[m] : c.Posts.Sum()) : 0;

    int Units(string channel, string metric, int? month = null) => Of(channel, metric) is { } c ? (month is { } m ? c.Units[m] : c.Units.Sum()) : 0;

    SortedDictionary<string, int> Names(string channel, string metric) => new(Of(channel, metric)?.Names ?? [], StringComparer.Ordinal);

    public YearStatistics Result()
    {
        const string W = ChannelNames.Website, C = ChannelNames.WeChat, B = ChannelNames.Bulletin;
        var others = counters.Keys.Select(k => k.Channel).Where(c => !ChannelNames.All.Contains(c)).Distinct(StringComparer.Ordinal)
            .OrderBy(catalog.Order).ThenBy(c => c, StringComparer.Ordinal).ToList();
        return new YearStatistics(
            year,
            new WebsiteCounts(Posts(W, Metrics.Item), Names(W, Metrics.Column), Posts(W, Metrics.Column), Names(W, Metrics.Category)),
            new WeChatCounts(Posts(C, Metrics.Article), Posts(C, Metrics.MassSend)),
            new WeiboCounts(Posts(ChannelNames.Weibo, Metrics.Post)),
            new SmsCounts(Posts(ChannelNames.Sms, Metrics.Message), Units(ChannelNames.Sms, Metrics.Message)),
            new BulletinCounts(Posts(B, Metrics.Item), Of(B, Metrics.Item)?.Names.Count ?? 0),
            [.. Enumerable.Range(1, 12).Select(m => new MonthStatistics(
                m, Posts(W, Metrics.Item, m), Posts(W, Metrics.Column, m), Posts(C, Metrics.Article, m), Posts(C, Metrics.MassSend, m),
                Posts(ChannelNames.Weibo, Metrics.Post, m), Posts(ChannelNames.Sms, Metrics.Message, m), Units(ChannelNames.Sms, Metrics.Message, m),
                Posts(B, Metrics.Item, m))
            {
                Channels = others.Count == 0 ? null : others.ToDictionary(o => o, o => (IReadOnlyDictionary<string, int>)MetricsOf(o)
                    .ToDictionary(x => x.Metric, x => Posts(o, x.Metric, m), StringComparer.Ordinal), StringComparer.Ordinal),
            })])
        {
            Channels = others.Count == 0 ? null : others.ToDictionary(o => o, Counts, StringComparer.Ordinal),
        };
    }

    /// <summary>The channel's metrics: those its descriptor declares, then any other it counted.</summary>
    List<ChannelMetric> MetricsOf(string channel)
    {
        var declared = catalog.Find(channel)?.Metrics ?? [];
        var counted = counters.Keys.Where(k => k.Channel == channel && !declared.Any(d => d.Metric == k.Metric))
            .Select(k => new ChannelMetric(k.Metric, k.Metric));
        return [.. declared, .. counted.OrderBy(x => x.Metric, StringComparer.Ordinal)];
    }

    ChannelCounts Counts(string channel) => new(catalog.Label(channel), [.. MetricsOf(channel).Select(x =>
        new MetricCount(x.Metric, x.Label, x.Unit, Posts(channel, x.Metric), x.UnitsLabel, x.UnitsLabel is null ? null : Units(channel, x.Metric)))]);
}
