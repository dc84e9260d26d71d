namespace Channels.Publishing.Items;

/// <summary>A website column (栏目): its Chinese name as editors write it and the URL slug of its pages.</summary>
public sealed record WebsiteColumn(string Name, string Slug);

/// <summary>
/// The built-in default catalogue (Columns.ColumnSet.Default, used until a deployment stores or configures its own): the
/// 23 columns of the seed report (seeds/furong-2017-annual-report.txt), plus 政策解读, which the same report counts
/// separately. Slugs are pinyin initials, stable because URLs are public. Nothing but the default reads this list.
/// </summary>
public static class ColumnCatalog
{
    public static readonly IReadOnlyList<WebsiteColumn> All =
    [
        new("政务动态", "zwdt"), new("机构职能", "jgzn"), new("领导信息", "ldxx"), new("政策法规", "zcfg"),
        new("通知公告", "tzgg"), new("规划计划", "ghjh"), new("人事信息", "rsxx"), new("资金信息", "zjxx"),
        new("政府采购", "zfcg"), new("应急管理", "yjgl"), new("统计数据", "tjsj"), new("办事事项", "bssx"),
        new("监管信息", "jgxx"), new("重大项目", "zdxm"), new("财政信息", "czxx"), new("住房保障信息", "zfbzxx"),
        new("食品安全信息", "spaqxx"), new("环境保护信息", "hjbhxx"), new("行政审批信息", "xzspxx"),
        new("安全生产信息", "aqscxx"), new("征地拆迁信息", "zdcqxx"), new("物价和收费信息", "wjhsfxx"),
        new("教育医疗信息", "jyylxx"), new("政策解读", "zcjd"),
    ];

    static readonly Dictionary<string, WebsiteColumn> ByName = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The column, or null when unknown (or null: a JSON array may hold nulls).</summary>
    public static WebsiteColumn? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name);
}
