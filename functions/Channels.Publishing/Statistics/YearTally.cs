using Channels.Publishing.Items;

namespace Channels.Publishing.Statistics;

/// <summary>Adds counting-index rows up into a year's statistics and its months.</summary>
internal sealed class YearTally(int year)
{
    readonly SortedDictionary<string, int> columns = new(StringComparer.Ordinal);
    readonly SortedDictionary<string, int> categories = new(StringComparer.Ordinal);
    readonly HashSet<string> issues = new(StringComparer.Ordinal);
    readonly int[,] months = new int[13, 8];
    int websiteItems, postings, articles, massSends, weibo, smsMessages, recipients, bulletinItems;

    public void Add(string? channel, string? metric, string? name, int units, int month)
    {
        var m = month is >= 1 and <= 12 ? month : 0;
        switch (channel, metric)
        {
            case (ChannelNames.Website, Metrics.Item): websiteItems++; months[m, 0]++; break;
            case (ChannelNames.Website, Metrics.Column):
                postings++;
                months[m, 1]++;
                columns[name ?? "?"] = columns.GetValueOrDefault(name ?? "?") + 1;
                break;
            case (ChannelNames.Website, Metrics.Category): categories[name ?? "?"] = categories.GetValueOrDefault(name ?? "?") + 1; break;
            case (ChannelNames.WeChat, Metrics.Article): articles++; months[m, 2]++; break;
            case (ChannelNames.WeChat, Metrics.MassSend): massSends++; months[m, 3]++; break;
            case (ChannelNames.Weibo, Metrics.Post): weibo++; months[m, 4]++; break;
            case (ChannelNames.Sms, Metrics.Message):
                smsMessages++;
                recipients += units;
                months[m, 5]++;
                months[m, 6] += units;
                break;
            case (ChannelNames.Bulletin, Metrics.Item):
                bulletinItems++;
                months[m, 7]++;
                if (name is not null) issues.Add(name);
                break;
        }
    }

    public YearStatistics Result() => new(
        year,
        new WebsiteCounts(websiteItems, new SortedDictionary<string, int>(columns, StringComparer.Ordinal), postings, new SortedDictionary<string,
            int>(categories, StringComparer.Ordinal)),
        new WeChatCounts(articles, massSends),
        new WeiboCounts(weibo),
        new SmsCounts(smsMessages, recipients),
        new BulletinCounts(bulletinItems, issues.Count),
        Enumerable.Range(1, 12).Select(m => new MonthStatistics(
            m, months[m, 0], months[m, 1], months[m, 2], months[m, 3], months[m, 4], months[m, 5], months[m, 6], months[m, 7])).ToList());
}
