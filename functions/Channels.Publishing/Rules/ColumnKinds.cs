namespace Channels.Publishing.Rules;

public enum ColumnKind
{
    /// <summary>动态、要闻类: flagged when idle more than 2 weeks.</summary>
    News,

    /// <summary>通知公告、政策文件类: flagged when idle more than 6 months.</summary>
    Notice,

    /// <summary>Not under either update-frequency rule (see the reason).</summary>
    Exempt,
}

/// <summary>A website column's place in the update-frequency rules; <see cref="ExemptReason"/> is shown to editors.</summary>
public sealed record ColumnRule(string Column, ColumnKind Kind, string? ExemptReason = null);

/// <summary>
/// The default catalogue's kinds (a deployment's own columns carry their kind in the column catalogue, see
/// Columns.ColumnSet): the 24 columns of ColumnCatalog sorted into the two kinds the inspection rules name (2015 website census criteria,
/// kept by 国办秘函〔2019〕19号 inspections): "动态、要闻类栏目" (2 weeks) and "通知公告、政策文件类栏目" (6 months).
/// Only columns that plainly belong to one of the two are classified; the rest carry information whose timing is set
/// by its own rule or by events, where a fixed idle limit would raise false alarms. Those are still subject to the
/// census's "应更新但长期未更新" and "空白栏目" checks, which need a person's judgement and are not automated here.
/// </summary>
public static class ColumnKinds
{
    public static readonly IReadOnlyList<ColumnRule> All =
    [
        // The office's news column (工作动态/政务动态): the one column of the 动态、要闻 kind.
        new("政务动态", ColumnKind.News),

        // Notices, policy documents (规章、规范性文件 are published under 政策法规) and their interpretations are the
        // 通知公告、政策文件 kind named by the criteria.
        new("通知公告", ColumnKind.Notice),
        new("政策法规", ColumnKind.Notice),
        new("政策解读", ColumnKind.Notice),

        // Judgement call: 规划计划 holds plans (规划 are policy documents) plus the yearly work plan and summary, so
        // something appears at least twice a year; treated as policy-type so a half-year gap is caught.
        new("规划计划", ColumnKind.Notice),

        // Overview information (概况信息): changes only when the organisation or its leaders change.
        new("机构职能", ColumnKind.Exempt, "概况类信息，机构职能调整时更新，无固定更新周期"),
        new("领导信息", ColumnKind.Exempt, "概况类信息，领导分工或任免变化时更新，无固定更新周期"),

        // Event-driven columns: each entry follows an event (an appointment, a purchase, an approval…) and its own
        // time limit (e.g. 20 working days under 条例第二十六条), checked per item by DisclosureDeadline.
        new("人事信息", ColumnKind.Exempt, "随人事任免、招录事项发布，按事项公开时限检查"),
        new("资金信息", ColumnKind.Exempt, "随资金分配、拨付事项发布，按事项公开时限检查"),
        new("政府采购", ColumnKind.Exempt, "随采购项目发布，按事项公开时限检查"),
        new("应急管理", ColumnKind.Exempt, "随应急预案修订和突发事件发布，突发事件另按5小时时限检查"),
        new("办事事项", ColumnKind.Exempt, "办事指南类信息，事项调整时更新"),
        new("监管信息", ColumnKind.Exempt, "随监管执法事项发布，按事项公开时限检查"),
        new("重大项目", ColumnKind.Exempt, "随项目批准和实施进展发布，按事项公开时限检查"),
        new("行政审批信息", ColumnKind.Exempt, "随审批决定发布，按事项公开时限检查"),
        new("征地拆迁信息", ColumnKind.Exempt, "随征收项目发布，按事项公开时限检查"),

        // Cycle-driven columns: budgets and final accounts yearly, statistics on the statistical release calendar.
        new("财政信息", ColumnKind.Exempt, "预决算等按年度周期公开"),
        new("统计数据", ColumnKind.Exempt, "按统计数据发布日程公开"),

        // Key-area columns (重点领域信息公开): published as things happen in the area, under the area's own rules.
        new("住房保障信息", ColumnKind.Exempt, "重点领域信息，随事项发生按领域规定公开"),
        new("食品安全信息", ColumnKind.Exempt, "重点领域信息，随事项发生按领域规定公开"),
        new("环境保护信息", ColumnKind.Exempt, "重点领域信息，随事项发生按领域规定公开"),
        new("安全生产信息", ColumnKind.Exempt, "重点领域信息，随事项发生按领域规定公开"),
        new("物价和收费信息", ColumnKind.Exempt, "重点领域信息，随事项发生按领域规定公开"),
        new("教育医疗信息", ColumnKind.Exempt, "重点领域信息，随事项发生按领域规定公开"),
    ];

    static readonly Dictionary<string, ColumnRule> ByColumn = All.ToDictionary(r => r.Column, StringComparer.Ordinal);

    public static ColumnRule? Find(string column) => ByColumn.GetValueOrDefault(column);

    /// <summary>The policy-document columns among the 6-month kind (the rest of that kind are notices).</summary>
    static readonly HashSet<string> PolicyColumns = new(["政策法规", "政策解读", "规划计划"], StringComparer.Ordinal);

    /// <summary>The catalogue's kind name of a default column: news, notice, policy, or null (exempt or unknown).</summary>
    public static string? DefaultKindName(string column) => Find(column)?.Kind switch
    {
        ColumnKind.News => "news",
        ColumnKind.Notice => PolicyColumns.Contains(column) ? "policy" : "notice",
        _ => null,
    };
}
