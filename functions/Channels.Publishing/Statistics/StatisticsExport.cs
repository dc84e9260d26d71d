using System.Globalization;
using System.Text;

namespace Channels.Publishing.Statistics;

/// <summary>A year's statistics as rows (section, name, month, count): the one table behind the CSV and XLSX exports.</summary>
public static class StatisticsExport
{
    public static readonly string[] Header = ["分类", "项目", "月份", "数量"];

    /// <summary>The rows; columns in the order of <paramref name="columns"/> (null = the default catalogue), every counted name included.</summary>
    public static IEnumerable<string[]> Rows(YearStatistics s, Columns.ColumnSet? columns = null)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        yield return ["政府网站", "信息条数", "全年", N(s.Website.Items)];
        yield return ["政府网站", "栏目发布合计", "全年", N(s.Website.ColumnPostings)];
        foreach (var name in (columns ?? Columns.ColumnSet.Default).OrderForReport(s.Website.Columns.Keys))
            yield return ["政府网站栏目", name, "全年", N(s.Website.Columns[name])];
        foreach (var (category, n) in s.Website.Categories) yield return ["条例第二十条第(一)项", category, "全年", N(n)];
        yield return ["微信", "文章", "全年", N(s.Wechat.Articles)];
        yield return ["微信", "群发", "全年", N(s.Wechat.MassSends)];
        yield return ["微博", "发布", "全年", N(s.Weibo.Posts)];
        yield return ["短信", "条数", "全年", N(s.Sms.Messages)];
        yield return ["短信", "送达人次", "全年", N(s.Sms.Recipients)];
        yield return ["公告栏", "信息条数", "全年", N(s.Bulletin.Items)];
        yield return ["公告栏", "张贴清单期数", "全年", N(s.Bulletin.Issues)];
        foreach (var (_, c) in s.Channels ?? new Dictionary<string, ChannelCounts>())
        {
            foreach (var m in c.Counts)
            {
                yield return [c.Label, m.Label, "全年", N(m.Count)];
                if (m.UnitsLabel is not null) yield return [c.Label, m.UnitsLabel, "全年", N(m.Units ?? 0)];
            }
        }

        foreach (var m in s.Months)
        {
            var month = $"{m.Month}月";
            yield return ["政府网站", "信息条数", month, N(m.WebsiteItems)];
            yield return ["政府网站", "栏目发布合计", month, N(m.ColumnPostings)];
            yield return ["微信", "文章", month, N(m.WechatArticles)];
            yield return ["微博", "发布", month, N(m.WeiboPosts)];
            yield return ["短信", "条数", month, N(m.SmsMessages)];
            yield return ["短信", "送达人次", month, N(m.SmsRecipients)];
            yield return ["公告栏", "信息条数", month, N(m.BulletinItems)];
            foreach (var (channel, counts) in m.Channels ?? new Dictionary<string, IReadOnlyDictionary<string, int>>())
            {
                var c = s.Channels?.GetValueOrDefault(channel);
                foreach (var (metric, n) in counts)
                    yield return [c?.Label ?? channel, c?.Counts.FirstOrDefault(x => x.Metric == metric)?.Label ?? metric, month, N(n)];
            }
        }
    }

    /// <summary>UTF-8 with BOM so spreadsheet programs read the Chinese correctly.</summary>
    public static byte[] Csv(YearStatistics s, Columns.ColumnSet? columns = null)
    {
        var sb = new StringBuilder();
        foreach (var row in Rows(s, columns).Prepend(Header)) sb.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    static string Quote(string v) => v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;
}
