using Channels.Publishing.Channels.Website;
using Channels.Publishing.Columns;
using Channels.Publishing.Items;
using Channels.Publishing.Office;
using Channels.Publishing.Rules;

namespace Channels.Tests.Columns;

/// <summary>Another district's catalogue drives validation, freshness kinds, the footer and the holiday calendar.</summary>
public class DistrictCatalogueTests
{
    static readonly DateTimeOffset At = new(2019, 1, 2, 9, 0, 0, TimeSpan.FromHours(8));

    static ColumnSet District() => ColumnCatalogEdit.Apply(ColumnSet.Default,
    [
        new ColumnInput { Name = "镇街动态", Kind = "news" },
        new ColumnInput { Name = "公示公告", Kind = "notice" },
        new ColumnInput { Name = "规范性文件", Kind = "policy" },
        new ColumnInput { Name = "双随机一公开" },
    ], "admin", "api", At).Next!;

    [Fact]
    public void Validation_UsesTheCatalogue_AndListsTheValidNames()
    {
        var set = District();
        var ok = SampleItems.Valid() with { Columns = ["镇街动态", "公示公告"] };
        Assert.DoesNotContain(ItemValidator.Validate(ok, SampleItems.Now, set).Errors.Keys, k => k.StartsWith("columns", StringComparison.Ordinal));

        var errors = ItemValidator.Validate(SampleItems.Valid() with { Columns = ["公示公告", "通知公告"] }, SampleItems.Now, set).Errors;
        var message = Assert.Single(errors["columns[1]"]);
        Assert.Contains("未知栏目“通知公告”（已停用）", message, StringComparison.Ordinal);
        Assert.Contains("镇街动态、公示公告、规范性文件、双随机一公开", message, StringComparison.Ordinal);
        Assert.DoesNotContain("columns[0]", errors.Keys);

        // The default catalogue still refuses the district's names.
        Assert.Contains("columns[0]", ItemValidator.Validate(ok, SampleItems.Now).Errors.Keys);
    }

    [Fact]
    public void Validation_RenamedColumn_SaysItsNewName()
    {
        var renamed = ColumnCatalogEdit.Apply(District(), [new ColumnInput { Name = "工作动态", Slug = "zjdt", Kind = "news" }], "admin", "api", At.AddDays(1))
            .Next!;
        var errors = ItemValidator.Validate(SampleItems.Valid() with { Columns = ["镇街动态"] }, SampleItems.Now, renamed).Errors;
        Assert.Contains("已更名为“工作动态”", errors["columns[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Freshness_KindsComeFromTheCatalogue()
    {
        var set = District();
        var now = new DateTimeOffset(2019, 8, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var last = new Dictionary<string, DateTimeOffset?>
        {
            ["镇街动态"] = now.AddDays(-20), ["公示公告"] = now.AddDays(-20), ["规范性文件"] = now.AddDays(-200), ["双随机一公开"] = null,
        };
        var flags = FreshnessRules.Evaluate(last, now, n => set.FindActive(n)?.FreshnessKind).ToDictionary(f => f.Name);
        Assert.Equal(FreshnessStatus.Stale, flags["镇街动态"].Status); // news: 2 weeks
        Assert.Equal(FreshnessStatus.Ok, flags["公示公告"].Status); // notice: 6 months
        Assert.Equal(FreshnessStatus.Stale, flags["规范性文件"].Status); // policy: 6 months
        Assert.False(flags.ContainsKey("双随机一公开")); // no kind: no fixed rule
    }

    [Fact]
    public void Footer_CarriesTheGovernmentSiteRegistrations()
    {
        var office = new OfficeOptions
        {
            Name = "某某县人民政府办公室", SiteCode = "5227000001", Icp = "黔ICP备12345678号", PoliceRecord = "贵公网安备 52270002000123号",
            ConacUrl = "https://bszs.conac.cn/sitename?method=show&id=ABC", Contact = "电话：0854-0000000",
        };
        var html = new SiteRenderer(new WebsiteOptions { SiteTitle = "某某县人民政府网" }, office)
            .HomePage([], District().Active);
        Assert.Contains("主办单位：某某县人民政府办公室", html, StringComparison.Ordinal);
        Assert.Contains("网站标识码：5227000001", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://beian.miit.gov.cn/\">黔ICP备12345678号</a>", html, StringComparison.Ordinal);
        Assert.Contains("recordcode=52270002000123\">贵公网安备 52270002000123号</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://bszs.conac.cn/sitename?method=show&amp;id=ABC\">党政机关网站标识</a>", html, StringComparison.Ordinal);
        Assert.Contains("联系方式：电话：0854-0000000", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"columns/zjdt/index.html\">镇街动态</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("通知公告", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\">跳到主要内容</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HolidayCalendar_RegionalYearReplacesTheNationalOne()
    {
        using var nationalStream = HolidayData.OpenEmbedded();
        var national = HolidayData.ReadFile(nationalStream);
        var regional = new HolidayFile
        {
            Years =
            [
                national.Years.Single(y => y.Year == 2019) with
                {
                    Holidays = [.. national.Years.Single(y => y.Year == 2019).Holidays, new HolidayRange("四月八", "2019-05-13", "2019-05-13")],
                },
            ],
        };
        var merged = HolidayData.FromFile(HolidayCalendar.Merge(national, regional));
        Assert.False(merged.IsWorkingDay(new DateOnly(2019, 5, 13)));
        Assert.True(WorkingDays.China.IsWorkingDay(new DateOnly(2019, 5, 13)));
        Assert.False(merged.IsWorkingDay(new DateOnly(2019, 10, 1))); // the national days of that year are kept
        Assert.False(merged.IsWorkingDay(new DateOnly(2018, 10, 1))); // other years untouched
    }
}
