using System.IO.Compression;
using System.Text;
using Channels.Publishing.Reports;
using Channels.Publishing.Seeds;
using Channels.Publishing.Statistics;

namespace Channels.Tests.Reports;

public class AnnualReportTests
{
    /// <summary>The seed's 2017 figures as the statistics service would return them.</summary>
    static YearStatistics Seed2017(IReadOnlyDictionary<string, int>? categories = null) => new(
        2017,
        new WebsiteCounts(11_359, SeedFigures2017.Columns.ToDictionary(c => c.Column, c => c.Postings), 15_154, categories ?? new Dictionary<string, int>()),
        new WeChatCounts(484, 0), new WeiboCounts(1_008), new SmsCounts(0, 0), new BulletinCounts(66, 40),
        Enumerable.Range(1, 12).Select(m => new MonthStatistics(m, m == 1 ? 11_359 : 0, 0, 0, 0, 0, 0, 0, 0)).ToList());

    static readonly DateTimeOffset At = new(2018, 2, 12, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Markdown_WebsiteParagraph_IsWordedAsTheSeedReport()
    {
        var md = ReportRenderer.Markdown(AnnualReport.Build(Seed2017(), "长沙市芙蓉区", At));
        var seed = File.ReadAllText(Path.Combine(RepoRoot(), "seeds", "furong-2017-annual-report.txt"));
        // The seed writes one "、" where every other separator is ","; otherwise the sentence must be the seed's.
        var expected = seed[seed.IndexOf("2017年,我区政府门户网站共发布各类信息", StringComparison.Ordinal)..].Split("区政府门户网站查阅访问量")[0]
            .Replace("、", ",", StringComparison.Ordinal);
        Assert.Contains(expected, md, StringComparison.Ordinal);
        Assert.Contains("2017年,微博发布信息数量1008篇,微信发布信息数量484篇。", md, StringComparison.Ordinal);
        Assert.Contains("66条政府信息同步在信息公告栏", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Table2_UnknownFiguresAreBlanksNotZeros()
    {
        var report = AnnualReport.Build(Seed2017(), "长沙市芙蓉区", At);
        var table = report.Sections.Single(s => s.Heading.StartsWith("二、", StringComparison.Ordinal)).Table!;
        var normative = table.Rows.Single(r => r[0] == "行政规范性文件");
        Assert.Equal([ "行政规范性文件", AnnualReport.Blank, AnnualReport.Blank, AnnualReport.Blank ], normative);
        Assert.DoesNotContain(table.Rows.SelectMany(r => r), c => c == "0");
    }

    [Fact]
    public void Table2_CategoryCountsFillIssuedColumnOnly()
    {
        var report = AnnualReport.Build(Seed2017(new Dictionary<string, int> { ["行政规范性文件"] = 12 }), "长沙市芙蓉区", At);
        var row = report.Sections.Single(s => s.Heading.StartsWith("二、", StringComparison.Ordinal)).Table!.Rows.Single(r => r[0] == "行政规范性文件");
        Assert.Equal(["行政规范性文件", "12", AnnualReport.Blank, AnnualReport.Blank], row);
    }

    [Fact]
    public void Html_IsChineseAndEscaped()
    {
        var html = ReportRenderer.Html(AnnualReport.Build(Seed2017(), "长沙市芙蓉区<script>", At));
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("长沙市芙蓉区&lt;script&gt;2017年政府信息公开工作年度报告", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasBomHeaderAndSeedFigures()
    {
        var csv = StatisticsExport.Csv(Seed2017());
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("分类,项目,月份,数量\r\n", text, StringComparison.Ordinal);
        Assert.Contains("政府网站,信息条数,全年,11359", text, StringComparison.Ordinal);
        Assert.Contains("政府网站栏目,行政审批信息,全年,2986", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_IsAZipWithTheSheetAndNumbersAsNumbers()
    {
        var bytes = XlsxWriter.Write("2017年发布统计", StatisticsExport.Rows(Seed2017()).Prepend(StatisticsExport.Header));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = reader.ReadToEnd();
        Assert.Contains("<v>11359</v>", sheet, StringComparison.Ordinal);
        Assert.Contains("<t>政务动态</t>", sheet, StringComparison.Ordinal);
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Channels.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("repo root not found");
    }
}
