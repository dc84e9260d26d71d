using Channels.Publishing.Channels.Bulletin;

namespace Channels.Tests.Channels;

public class BulletinRendererTests
{
    static BulletinDocument Doc(string id, string title, string[] boards, string? category = null, string? number = null) => new()
    {
        Id = id, Title = title, DocumentNumber = number, DocumentCategory = category, Publisher = "芙蓉区人民政府办公室",
        Date = "2017-05-10", Boards = boards, BodyHtml = "<p>正文<b>内容</b></p>",
    };

    static readonly BulletinDocument A = Doc("a", "关于征地补偿的公告", ["东岸街道公开栏", "区政务中心公告栏"], number: "芙政告〔2017〕3号");
    static readonly BulletinDocument B = Doc("b", "拆迁安置<方案>公示", ["区政务中心公告栏"]);

    [Fact]
    public void Issue_TwoDocuments_HasNumberDateContentsAndBoardSummary()
    {
        var html = new BulletinRenderer("芙蓉区人民政府").Issue("2017-05-10", 58, [A, B]);

        Assert.Contains("2017年第58期", html, StringComparison.Ordinal);
        Assert.Contains("2017年5月10日", html, StringComparison.Ordinal);
        Assert.Contains("目　录", html, StringComparison.Ordinal);
        Assert.Contains("拆迁安置&lt;方案&gt;公示", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<方案>", html, StringComparison.Ordinal);
        // 张贴位置: the shared board gets both notices, the other board only the first.
        var summary = html[html.IndexOf("board-summary", StringComparison.Ordinal)..];
        Assert.Contains("<td>区政务中心公告栏</td><td>第1篇　关于征地补偿的公告<br>第2篇　拆迁安置&lt;方案&gt;公示</td><td class=\"n\">2</td>", summary, StringComparison.Ordinal);
        Assert.Contains("<td>东岸街道公开栏</td><td>第1篇　关于征地补偿的公告</td><td class=\"n\">1</td>", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_EachDocumentStartsANewA4PageWithItsBoards()
    {
        var html = new BulletinRenderer("芙蓉区人民政府").Issue("2017-05-10", 58, [A, B]);

        Assert.Contains("@page{size:A4;margin:20mm", html, StringComparison.Ordinal);
        Assert.Contains(".sheet+.sheet{page-break-before:always", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<section class=\"sheet").Length - 1);
        Assert.Contains("张贴位置：东岸街道公开栏、区政务中心公告栏", html, StringComparison.Ordinal);
        Assert.Contains("芙政告〔2017〕3号", html, StringComparison.Ordinal);
        Assert.Contains("<p>正文<b>内容</b></p>", html, StringComparison.Ordinal);
        Assert.Contains("@media print{html{background:none}.bar{display:none}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_AllRetracted_SaysNothingToPost()
    {
        var html = new BulletinRenderer("芙蓉区人民政府").Issue("2017-05-10", 3, []);

        Assert.Contains("2017年第3期", html, StringComparison.Ordinal);
        Assert.Contains("本期信息已全部撤下", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Gazette_ContentsGroupedByCategoryInOrder_CoverNamesThePeriod()
    {
        var other = Doc("o", "关于端午节放假的通知", ["x"]);
        var normative = Doc("n", "芙蓉区城市管理办法", ["x"], "行政规范性文件", "芙政发〔2017〕1号");
        var regulation = Doc("r", "芙蓉区物业管理规定", ["x"], "规章");
        var ordered = GazetteRenderer.Order([other, normative, regulation]);

        Assert.Equal(["r", "n", "o"], ordered.Select(d => d.Id));
        var html = new GazetteRenderer("芙蓉区人民政府").Gazette(2017, 3, ordered);
        Assert.Contains("芙蓉区人民政府公报", html, StringComparison.Ordinal);
        Assert.Contains("2017年第3期", html, StringComparison.Ordinal);
        Assert.Contains("2017年3月31日出版", html, StringComparison.Ordinal);
        var groups = new[] { "【规章】", "【行政规范性文件】", "【其他文件】" }.Select(g => html.IndexOf(g, StringComparison.Ordinal)).ToList();
        Assert.All(groups, i => Assert.True(i > 0));
        Assert.Equal(groups.Order(), groups);
        Assert.True(html.IndexOf("芙蓉区物业管理规定", StringComparison.Ordinal) < html.IndexOf("芙蓉区城市管理办法", StringComparison.Ordinal));
        Assert.DoesNotContain("张贴位置", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Gazette_PathAndPeriodName()
    {
        Assert.Equal("2017/03/gazette.html", GazetteRenderer.GazettePath(2017, 3));
        Assert.Equal("2017年第12期", GazetteRenderer.PeriodName(2017, 12));
        Assert.Equal("2017年第58期", BulletinRenderer.IssueName("2017-05-10", 58));
    }
}
