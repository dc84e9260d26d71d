namespace Channels.Publishing.Statistics;

/// <summary>
/// The v1 statistics shape (docs/api.md): delivered posts only, year in UTC+8. Fields may be added, never renamed.
/// <see cref="Months"/> (added) breaks the same counts down by month of publication (UTC+8).
/// </summary>
public sealed record YearStatistics(
    int Year,
    WebsiteCounts Website,
    WeChatCounts Wechat,
    WeiboCounts Weibo,
    SmsCounts Sms,
    BulletinCounts Bulletin,
    IReadOnlyList<MonthStatistics> Months)
{
    /// <summary>
    /// (Added.) The counts of the registered channels beyond the five above, by channel name, labelled by their
    /// descriptors; absent when there are none, so the v1 shape is unchanged.
    /// </summary>
    public IReadOnlyDictionary<string, ChannelCounts>? Channels { get; init; }
}

/// <summary>A registered channel's counts: its label and each metric it counts.</summary>
public sealed record ChannelCounts(string Label, IReadOnlyList<MetricCount> Counts);

/// <summary>One metric's count for the year (and the sum of its units, for a metric that has a units label).</summary>
public sealed record MetricCount(string Metric, string Label, string Unit, int Count, string? UnitsLabel = null, int? Units = null);

/// <summary>
/// Items are distinct items; columns count postings (an item cross-listed in 3 columns counts 3 there);
/// categories count items by 条例第二十条 category (规章, 行政规范性文件) where the item carries one.
/// </summary>
public sealed record WebsiteCounts(int Items, IReadOnlyDictionary<string, int> Columns, int ColumnPostings, IReadOnlyDictionary<string, int> Categories);

/// <summary>Articles published; mass sends (群发) made.</summary>
public sealed record WeChatCounts(int Articles, int MassSends);

public sealed record WeiboCounts(int Posts);

/// <summary>Messages = disclosure items sent by SMS; recipients = numbers with a delivered receipt.</summary>
public sealed record SmsCounts(int Messages, int Recipients);

/// <summary>Items exported for the bulletin boards; issues = distinct daily bulletin issues (UTC+8 dates).</summary>
public sealed record BulletinCounts(int Items, int Issues);

/// <summary>One month (UTC+8) of the same counts.</summary>
public sealed record MonthStatistics(
    int Month, int WebsiteItems, int ColumnPostings, int WechatArticles, int WechatMassSends, int WeiboPosts,
    int SmsMessages, int SmsRecipients, int BulletinItems)
{
    /// <summary>(Added.) The other registered channels' counts this month: channel → metric → count; absent when there are none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Channels { get; init; }
}
