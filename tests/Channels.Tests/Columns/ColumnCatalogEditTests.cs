using Channels.Publishing.Columns;
using Channels.Publishing.Rules;

namespace Channels.Tests.Columns;

public class ColumnCatalogEditTests
{
    static readonly DateTimeOffset T1 = new(2019, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset T2 = T1.AddDays(30);

    static ColumnInput C(string name, string? kind = null, string? slug = null, string? parent = null, int? order = null) =>
        new() { Name = name, Kind = kind, Slug = slug, Parent = parent, Order = order };

    static ColumnSet Apply(ColumnSet current, DateTimeOffset at, params ColumnInput?[] columns)
    {
        var r = ColumnCatalogEdit.Apply(current, columns, "admin", "api", at);
        Assert.True(r.Next is not null, string.Join("; ", r.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        return r.Next!;
    }

    static IReadOnlyDictionary<string, string[]> Errors(params ColumnInput?[] columns) =>
        ColumnCatalogEdit.Apply(ColumnSet.Default, columns, "admin", "api", T1).Errors;

    [Fact]
    public void Default_IsTheSeedsColumnsWithTheirKinds()
    {
        var d = ColumnSet.Default;
        Assert.Equal(24, d.Active.Count);
        Assert.Equal(0, d.Version);
        Assert.Equal("news", d.FindActive("政务动态")!.Kind);
        Assert.Equal("notice", d.FindActive("通知公告")!.Kind);
        Assert.Equal("policy", d.FindActive("政策法规")!.Kind);
        Assert.Null(d.FindActive("政府采购")!.Kind);
        Assert.False(string.IsNullOrEmpty(d.FindActive("政府采购")!.Note));
    }

    [Fact]
    public void Replace_AddsRetiresAndRecordsWhoAndWhen()
    {
        var next = Apply(ColumnSet.Default, T1, C("工作动态", "news"), C("通知公告", "notice"), C("政策文件", "policy"));
        Assert.Equal(1, next.Version);
        Assert.Equal(["工作动态", "通知公告", "政策文件"], next.ActiveNames);
        Assert.Equal("tzgg", next.FindActive("通知公告")!.Slug); // matched by name: keeps its URL
        Assert.Equal("gzdt", next.FindActive("工作动态")!.Slug);
        Assert.Equal(23, next.Retired.Count); // the 24 defaults less 通知公告
        Assert.Null(next.FindActive("政务动态"));
        Assert.Equal("zwdt", next.Find("政务动态")!.Slug); // retired, still found for its items
        Assert.Equal(T1, next.Find("政务动态")!.RetiredAt);
        var change = Assert.Single(next.History);
        Assert.Equal(("admin", "api", T1, 1), (change.By, change.Source, change.At, change.Version));
        Assert.Equal(["gzdt", "zcwj"], change.Added);
        Assert.Contains("zwdt", change.Retired);
        Assert.DoesNotContain("tzgg", change.Retired);
    }

    [Fact]
    public void Rename_IsTheSameSlugWithANewName_OldNameStillFindsIt()
    {
        var v1 = Apply(ColumnSet.Default, T1, C("政务动态", "news"), C("通知公告", "notice"));
        var v2 = Apply(v1, T2, C("工作动态", "news", slug: "zwdt"), C("通知公告", "notice"));
        var renamed = v2.FindActive("工作动态")!;
        Assert.Equal("zwdt", renamed.Slug);
        Assert.Equal(["政务动态"], renamed.FormerNames);
        Assert.Null(v2.FindActive("政务动态")); // new items use the new name
        Assert.Same(renamed, v2.Find("政务动态")); // items published under the old name find the column
        var change = v2.History[^1];
        Assert.Equal([new ColumnRename("zwdt", "政务动态", "工作动态")], change.Renamed);
        Assert.Empty(change.Retired);
        Assert.Equal(2, v2.Version);
    }

    [Fact]
    public void RetiredColumn_ListedAgain_IsReinstatedWithItsSlug()
    {
        var v1 = Apply(ColumnSet.Default, T1, C("通知公告", "notice"));
        var v2 = Apply(v1, T2, C("通知公告", "notice"), C("政府采购"));
        Assert.Equal("zfcg", v2.FindActive("政府采购")!.Slug);
        Assert.Null(v2.FindActive("政府采购")!.RetiredAt);
        Assert.Equal(["zfcg"], v2.History[^1].Reinstated);
    }

    [Fact]
    public void SameList_AgainChangesNothing()
    {
        var v1 = Apply(ColumnSet.Default, T1, C("工作动态", "news"), C("通知公告", "notice"));
        var again = ColumnCatalogEdit.Apply(v1, [C("工作动态", "news"), C("通知公告", "notice")], "admin", "api", T2);
        Assert.False(again.Changed);
        Assert.Same(v1, again.Next);
    }

    [Fact]
    public void KindChange_IsRecordedAsChanged()
    {
        var v1 = Apply(ColumnSet.Default, T1, C("工作动态", "news"));
        var v2 = Apply(v1, T2, C("工作动态", "notice"));
        Assert.Equal(["gzdt"], v2.History[^1].Changed);
        Assert.Equal(ColumnKind.Notice, v2.KindOf("工作动态"));
    }

    [Fact]
    public void NameOfARetiredColumn_TakenByANewSlug_BothFoundForRetraction()
    {
        var v1 = Apply(ColumnSet.Default, T1, C("通知公告", "notice", slug: "notices"));
        Assert.Equal("notices", v1.FindActive("通知公告")!.Slug);
        Assert.Equal("通知公告", v1.BySlug("tzgg")!.Name);
        Assert.False(v1.BySlug("tzgg")!.IsActive);
        Assert.Equal(["tzgg", "notices"], v1.FindAll("通知公告").Select(c => c.Slug).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void GeneratedSlug_AvoidsRetiredSlugs()
    {
        // 招标采购 → zbcg; 政府采购 (zfcg) is retired but its URL stays, so a new column named 政府采购 elsewhere must not reuse it.
        var v1 = Apply(ColumnSet.Default, T1, C("通知公告"));
        var v2 = Apply(v1, T2, C("通知公告"), C("政府采购", slug: "procurement"), C("征地拆迁", null));
        Assert.Equal("procurement", v2.FindActive("政府采购")!.Slug);
        Assert.Equal("zdcq", v2.FindActive("征地拆迁")!.Slug);
        var v3 = Apply(v2, T2.AddDays(1), C("通知公告"), C("政府财政"));
        Assert.Equal("zfcz", v3.FindActive("政府财政")!.Slug);
        var v4 = Apply(v3, T2.AddDays(2), C("通知公告"), C("政风采股"));
        Assert.Equal("zfcg-2", v4.FindActive("政风采股")!.Slug); // zfcg is the retired 政府采购's
    }

    [Fact]
    public void Tree_ParentsByNameOrSlug_ChildrenFollowTheirParent()
    {
        var v1 = Apply(ColumnSet.Default, T1,
            C("法定主动公开内容", order: 1), C("重点领域", order: 2), C("财政预决算", "policy", parent: "重点领域", order: 2),
            C("政府采购", parent: "zdly", order: 1), C("机构职能", parent: "法定主动公开内容"));
        Assert.Equal(["法定主动公开内容", "机构职能", "重点领域", "政府采购", "财政预决算"], v1.ActiveNames);
        Assert.Equal("zdly", v1.FindActive("财政预决算")!.Parent);
    }

    [Fact]
    public void Refusals_NameTheField()
    {
        Assert.Contains("columns", Errors().Keys);
        var e = Errors(C("通知公告"), null, C(""), C("通知公告"), C("a", kind: "daily"), C("b", slug: "Bad Slug"), C("c", parent: "不存在"),
            C("d", slug: "dup"), C("e", slug: "dup"), C("x</b>"));
        Assert.Contains("columns[1]", e.Keys);
        Assert.Contains("columns[2].name", e.Keys);
        Assert.Contains("columns[3].name", e.Keys); // 与columns[0]重复
        Assert.Contains("columns[0]", e["columns[3].name"][0], StringComparison.Ordinal);
        Assert.Contains("columns[4].kind", e.Keys);
        Assert.Contains("columns[5].slug", e.Keys);
        Assert.Contains("columns[9].name", e.Keys);
    }

    [Fact]
    public void Refusals_SlugClashAndParentProblems()
    {
        var clash = Errors(C("d", slug: "dup"), C("e", slug: "dup"));
        Assert.Equal(["columns[1].slug"], clash.Keys);
        Assert.Contains("dup", clash["columns[1].slug"][0], StringComparison.Ordinal);
        Assert.Contains("columns[0].parent", Errors(C("a", parent: "不存在")).Keys);
        Assert.Contains("columns[0].parent", Errors(C("a", parent: "a")).Keys);
        var cycle = Errors(C("a", parent: "b"), C("b", parent: "a"));
        Assert.Contains("columns[0].parent", cycle.Keys);
        Assert.Contains("columns[1].parent", cycle.Keys);
    }

    [Fact]
    public void OrderForReport_ActiveThenRetiredThenUnknown()
    {
        var v1 = Apply(ColumnSet.Default, T1, C("工作动态", "news", slug: "zwdt"), C("通知公告"));
        var ordered = v1.OrderForReport(["不明栏目", "政府采购", "通知公告", "政务动态", "工作动态"]).ToList();
        Assert.Equal(["工作动态", "政务动态", "通知公告", "政府采购", "不明栏目"], ordered);
    }
}

public class ColumnCatalogDropTests
{
    [Fact]
    public void FirstCatalogue_DropsDefaultColumnsThatNeverHadAPage_RetiresTheOthers()
    {
        var unpublished = ColumnSet.Default.Columns.Select(c => c.Slug).Where(s => s != "tzgg").ToHashSet(StringComparer.Ordinal);
        var next = ColumnCatalogEdit.Apply(ColumnSet.Default, [new ColumnInput { Name = "镇街动态", Kind = "news" }], "admin", "api",
            DateTimeOffset.UnixEpoch, unpublished).Next!;
        Assert.Equal(["镇街动态"], next.ActiveNames);
        Assert.Equal(["tzgg"], next.Retired.Select(c => c.Slug));
        Assert.Null(next.Find("政务动态"));
        Assert.Equal(23, next.History[^1].Dropped.Count);
        Assert.Equal(["tzgg"], next.History[^1].Retired);
    }
}
