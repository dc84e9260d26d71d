using System.Globalization;
using Channels.Publishing.Items;
using Channels.Publishing.Statistics;

namespace Channels.Publishing.Reports;

/// <summary>
/// The publishing part of the annual report (政府信息公开工作年度报告), worded as the seed report words it, plus the
/// 2021 national format's table 二 where publishing data can fill it. What the system cannot know is left as an
/// explicit blank (<see cref="Blank"/>) for the office to fill — never a made-up zero.
/// </summary>
public sealed record AnnualReport(string Title, string Note, IReadOnlyList<ReportSection> Sections, YearStatistics Statistics)
{
    public const string Blank = "（待填）";

    /// <summary>
    /// The report; columns are listed in the order of <paramref name="columns"/> (the deployment's catalogue: active
    /// columns in tree order, then retired ones, then names it does not know), counted under the names items were
    /// published with.
    /// </summary>
    public static AnnualReport Build(YearStatistics s, string districtName, DateTimeOffset generatedAt, Monitoring.RulesReport? rules = null,
        Columns.ColumnSet? columns = null, Channels.ChannelCatalog? channelCatalog = null)
    {
        var labels = channelCatalog ?? Channels.ChannelCatalog.BuiltIn;
        var y = s.Year.ToString(CultureInfo.InvariantCulture);
        var channels = new List<string> { WebsiteParagraph(s, columns ?? Columns.ColumnSet.Default),
            $"{y}年,微博发布信息数量{s.Weibo.Posts}篇,微信发布信息数量{s.Wechat.Articles}篇。" };
        if (s.Wechat.MassSends > 0) channels.Add($"微信公众号全年群发推送{s.Wechat.MassSends}次。");
        if (s.Sms.Messages > 0) channels.Add($"通过短信平台发布政府信息{s.Sms.Messages}条,送达{s.Sms.Recipients}人次。");
        if (s.Bulletin.Items > 0) channels.Add($"{s.Bulletin.Items}条政府信息同步在信息公告栏(宣传栏)张贴公开,共编印张贴清单{s.Bulletin.Issues}期。");
        channels.AddRange(OtherChannels(y, s));
        channels.Add("已发布后撤回或更正的信息,仍计入其发布当年的发布数量(撤回前已公开);更正后重新发布的信息以新编号另行计数。");

        var sections = new List<ReportSection>
        {
            new("一、总体情况(政府信息公开平台和渠道建设)", channels, null),
            new("二、主动公开政府信息情况", ["下表第二十条第(一)项“本年制发件数”按本系统发布记录中标注类别的信息统计;其余数据本系统不掌握,由公开办填报。"], Table2(s)),
            new("三、收到和处理政府信息公开申请情况", [$"{Blank}本系统不办理依申请公开,请按2021年格式表三填报。"], null),
            new("四、政府信息公开行政复议、行政诉讼情况", [$"{Blank}请按2021年格式表四填报。"], null),
            new("五、存在的主要问题及改进情况", [Blank], null),
            new("六、其他需要报告的事项", [Blank], null),
            new("附:分月发布统计", [$"按信息发布时间(北京时间)所在月份统计,已在渠道最终送达的发布。"], Monthly(s)),
        };
        if (rules is not null) sections.Add(new("附:发布时限与政策解读执行情况", RulesParagraphs(y, rules, labels), null));
        return new AnnualReport(
            $"{districtName}{y}年政府信息公开工作年度报告(发布渠道数据稿)",
            $"本稿由政府信息公开发布系统于{ChinaTime.Format(generatedAt)}(北京时间)根据投递台账生成:只统计已在各渠道最终送达的信息,年份以信息发布时间(北京时间)为准;标注“{Blank}”处由公开办填报。",
            sections, s);
    }

    static List<string> RulesParagraphs(string y, Monitoring.RulesReport r, Channels.ChannelCatalog labels)
    {
        var e = r.Emergencies;
        var lines = new List<string>
        {
            e.Items == 0 ? $"{y}年未通过本系统发布重大突发事件信息。"
                : $"{y}年通过本系统发布重大突发事件信息{e.Items}条,其中{e.Breaches}条未能在事件发生后5小时内于全部发布渠道送达。"
                  + string.Concat(e.Channels.Select(c =>
                      $"{labels.Label(c.Channel)}发布{c.Published}条,中位用时{c.MedianMinutes?.ToString("0", CultureInfo.InvariantCulture) ?? "—"}分钟;")),
            r.Disclosure.WithFormedAt == 0 ? "本年度发布的信息均未标注信息形成时间,未能核对20个工作日公开时限。"
                : $"标注信息形成时间的主动公开信息{r.Disclosure.WithFormedAt}条,其中{r.Disclosure.Late}条超过20个工作日公开(条例第二十六条)。",
            r.Interpretations.Policies == 0 ? "本年度无需解读的政策文件记录。"
                : $"政策文件{r.Interpretations.Policies}件(规则:{r.Interpretations.Rule}),解读按时发布{r.Interpretations.OnTime}件、逾期发布{r.Interpretations.Late}件" +
                    $"、逾期未发布{r.Interpretations.Overdue}件、未到期{r.Interpretations.Pending}件。",
        };
        return lines;
    }

    static string WebsiteParagraph(YearStatistics s, Columns.ColumnSet catalogue)
    {
        var ordered = catalogue.OrderForReport(s.Website.Columns.Keys).Select(name => $"{name}{s.Website.Columns[name]}条");
        var columns = string.Join(",", ordered);
        return $"{s.Year}年,我区政府门户网站共发布各类信息{s.Website.Items}条" + (columns.Length > 0 ? $",其中{columns}。" : "。");
    }

    static ReportTable Table2(YearStatistics s)
    {
        string Issued(string category) =>
            s.Website.Categories.TryGetValue(category, out var n) ? n.ToString(CultureInfo.InvariantCulture) : Blank;
        return new ReportTable(
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            [
                ["第二十条第(一)项", "", "", ""],
                [DocumentCategories.Regulation, Issued(DocumentCategories.Regulation), Blank, Blank],
                [DocumentCategories.NormativeDocument, Issued(DocumentCategories.NormativeDocument), Blank, Blank],
                ["第二十条第(五)项 行政许可(本年处理决定数量)", Blank, "", ""],
                ["第二十条第(六)项 行政处罚(本年处理决定数量)", Blank, "", ""],
                ["第二十条第(六)项 行政强制(本年处理决定数量)", Blank, "", ""],
                ["第二十条第(八)项 行政事业性收费(本年收费金额,万元)", Blank, "", ""],
            ]);
    }

    /// <summary>A sentence per registered channel beyond the v1 five, from its descriptor's labels: "{y}年,通过政务头条号发布文章12篇。"</summary>
    static IEnumerable<string> OtherChannels(string y, YearStatistics s) =>
        (s.Channels ?? new Dictionary<string, ChannelCounts>()).Values.Select(c => $"{y}年,通过{c.Label}" + string.Join(",", c.Counts.Select(m =>
            $"发布{m.Label}{N(m.Count)}{m.Unit}" + (m.UnitsLabel is null ? "" : $"({m.UnitsLabel}{N(m.Units ?? 0)})"))) + "。");

    static ReportTable Monthly(YearStatistics s)
    {
        var others = (s.Channels ?? new Dictionary<string, ChannelCounts>()).SelectMany(c => c.Value.Counts.Select(m => (Channel: c.Key, c.Value.Label,
            Metric: m))).ToList();
        return new(
            ["月份", "网站信息", "栏目发布", "微信文章", "微博", "短信条数", "短信送达人次", "公告栏", .. others.Select(o => o.Label + o.Metric.Label)],
            [.. s.Months.Select(m => new[]
            {
                $"{m.Month}月", N(m.WebsiteItems), N(m.ColumnPostings), N(m.WechatArticles), N(m.WeiboPosts), N(m.SmsMessages), N(m.SmsRecipients),
                    N(m.BulletinItems),
            }.Concat(others.Select(o => N(m.Channels?.GetValueOrDefault(o.Channel)?.GetValueOrDefault(o.Metric.Metric) ?? 0))).ToArray())]);
    }

    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}

public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, ReportTable? Table);

public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
