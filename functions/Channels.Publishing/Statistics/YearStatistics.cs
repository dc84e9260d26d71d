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
    IReadOnlyList<MonthStatistics> Months);

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
    int SmsMessages, int SmsRecipients, int BulletinItems);
