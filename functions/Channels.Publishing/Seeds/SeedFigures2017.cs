namespace Channels.Publishing.Seeds;

/// <summary>The channel figures of seeds/furong-2017-annual-report.txt, the yardstick of the statistics.</summary>
public static class SeedFigures2017
{
    public const int Year = 2017;
    public const int WebsiteItems = 11_359;
    public const int WeiboPosts = 1_008;
    public const int WeChatArticles = 484;

    /// <summary>"发布征收信息144条……其中66条政府信息同步在各项目指挥部宣传栏公开".</summary>
    public const int BulletinItems = 66;

    /// <summary>Postings per website column, in the report's order (they add up to 15,154: items are cross-listed).</summary>
    public static readonly IReadOnlyList<(string Column, int Postings)> Columns =
    [
        ("政务动态", 6353), ("机构职能", 458), ("领导信息", 349), ("政策法规", 318), ("通知公告", 425), ("规划计划", 145),
        ("人事信息", 82), ("资金信息", 673), ("政府采购", 247), ("应急管理", 884), ("统计数据", 69), ("办事事项", 325),
        ("监管信息", 152), ("重大项目", 612), ("财政信息", 354), ("住房保障信息", 65), ("食品安全信息", 93),
        ("环境保护信息", 254), ("行政审批信息", 2986), ("安全生产信息", 27), ("征地拆迁信息", 167), ("物价和收费信息", 26),
        ("教育医疗信息", 90),
    ];

    public static int ColumnPostings => Columns.Sum(c => c.Postings);
}
