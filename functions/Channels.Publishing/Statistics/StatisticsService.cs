using System.Globalization;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Statistics;

/// <summary>Adds up the counting index of one year into the v1 statistics shape.</summary>
public sealed class StatisticsService(ChannelsStorage storage)
{
    public async Task<YearStatistics> ForYearAsync(int year, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var columns = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int websiteItems = 0, postings = 0, articles = 0, massSends = 0, weibo = 0, smsMessages = 0, recipients = 0, bulletinItems = 0;
        var issues = new HashSet<string>(StringComparer.Ordinal);
        var partition = year.ToString(CultureInfo.InvariantCulture);
        var select = new[] { "RowKey", "Channel", "Metric", "Name", "Units" };
        await foreach (var row in storage.Delivered.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: select, cancellationToken: ct))
        {
            var name = row.GetString("Name");
            var units = row.GetInt32("Units") ?? 1;
            switch ((row.GetString("Channel"), row.GetString("Metric")))
            {
                case (ChannelNames.Website, Metrics.Item): websiteItems++; break;
                case (ChannelNames.Website, Metrics.Column):
                    postings++;
                    columns[name ?? "?"] = columns.GetValueOrDefault(name ?? "?") + 1;
                    break;
                case (ChannelNames.WeChat, Metrics.Article): articles++; break;
                case (ChannelNames.WeChat, Metrics.MassSend): massSends++; break;
                case (ChannelNames.Weibo, Metrics.Post): weibo++; break;
                case (ChannelNames.Sms, Metrics.Message): smsMessages++; recipients += units; break;
                case (ChannelNames.Bulletin, Metrics.Item):
                    bulletinItems++;
                    if (name is not null) issues.Add(name);
                    break;
            }
        }

        return new YearStatistics(
            year,
            new WebsiteCounts(websiteItems, columns, postings),
            new WeChatCounts(articles, massSends),
            new WeiboCounts(weibo),
            new SmsCounts(smsMessages, recipients),
            new BulletinCounts(bulletinItems, issues.Count));
    }
}

/// <summary>Metric names in the counting index.</summary>
public static class Metrics
{
    public const string Item = "item";
    public const string Column = "column";
    public const string Article = "article";
    public const string MassSend = "masssend";
    public const string Post = "post";
    public const string Message = "message";
}
