using System.Text;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// The printable notices for the bulletin boards (公开栏/宣传栏/电子信息屏) and each day's numbered issue: cover
/// with the issue number and date, 目录, the 张贴位置 summary (what goes on which board), then every notice in full,
/// each on a new A4 page with its boards.
/// </summary>
public sealed class BulletinRenderer(string issuer)
{
    public static string ItemPath(string date, string id) => $"{date}/{id}.html";

    public static string IssuePath(string date) => $"{date}/index.html";

    /// <summary>2017-05-10 and 58 → 2017年第58期.</summary>
    public static string IssueName(string date, int number) => $"{date[..4]}年第{number}期";

    string Masthead => $"{issuer}信息公开栏";

    public string Notice(BulletinDocument doc) =>
        PrintFrame.Page(doc.Title, $"{E(Masthead)}张贴材料 · A4 版式，可直接打印",
            [PrintFrame.DocumentSheet(doc, $"{Masthead} · {PrintFrame.ChineseDate(doc.Date)}", "doc-1")]);

    public string Issue(string date, int number, IReadOnlyList<BulletinDocument> docs)
    {
        var name = IssueName(date, number);
        var cover = new StringBuilder()
            .Append("<section class=\"sheet cover\">\n<div class=\"masthead\">").Append(E(issuer)).Append("<br>政府信息公开栏张贴材料</div>\n")
            .Append("<p class=\"issue-no\">").Append(E(name)).Append("</p>\n")
            .Append("<p class=\"issue-date\">").Append(E(PrintFrame.ChineseDate(date))).Append("</p>\n<hr class=\"rule\">\n");
        if (docs.Count == 0)
        {
            cover.Append("<p class=\"empty\">本期信息已全部撤下，无需张贴。</p>\n");
        }
        else
        {
            cover.Append("<h2>目　录</h2>\n").Append(Contents(docs)).Append("<h2>张贴位置</h2>\n").Append(BoardSummary(docs));
        }

        var sheets = new List<string> { cover.Append("</section>").ToString() };
        sheets.AddRange(docs.Select((d, i) => PrintFrame.DocumentSheet(d, $"{Masthead} · {name} · 第{i + 1}篇", $"doc-{i + 1}")));
        return PrintFrame.Page($"{Masthead} {name}", $"{E(Masthead)} {E(name)}（{E(date)}）· 共{docs.Count}篇 · A4 版式，每篇另起一页，可直接打印", sheets);
    }

    static string Contents(IReadOnlyList<BulletinDocument> docs)
    {
        var sb = new StringBuilder("<table class=\"toc\">\n<thead><tr><th class=\"n\">篇次</th><th>标题</th><th>文号</th><th>发布机构</th><th>张贴位置</th></tr></thead>\n" +
            "<tbody>\n");
        for (var i = 0; i < docs.Count; i++)
        {
            var d = docs[i];
            sb.Append("<tr><td class=\"n\">第").Append(i + 1).Append("篇</td><td><a href=\"#doc-").Append(i + 1).Append("\">").Append(E(d.Title))
              .Append("</a></td><td>").Append(E(d.DocumentNumber ?? "—")).Append("</td><td>").Append(E(d.Publisher))
              .Append("</td><td>").Append(string.Join("、", d.Boards.Select(E))).Append("</td></tr>\n");
        }

        return sb.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>One row per board (in order of first appearance): the notices to post there, by 篇次, and how many.</summary>
    static string BoardSummary(IReadOnlyList<BulletinDocument> docs)
    {
        var boards = docs.SelectMany((d, i) => d.Boards.Distinct(StringComparer.Ordinal).Select(b => (Board: b, Position: i + 1, d.Title)))
            .GroupBy(x => x.Board, StringComparer.Ordinal);
        var sb = new StringBuilder("<table class=\"board-summary\">\n<thead><tr><th>公开栏</th><th>张贴材料</th><th class=\"n\">份数</th></tr></thead>\n<tbody>\n");
        foreach (var board in boards)
        {
            sb.Append("<tr><td>").Append(E(board.Key)).Append("</td><td>")
              .Append(string.Join("<br>", board.Select(x => $"第{x.Position}篇　{E(x.Title)}")))
              .Append("</td><td class=\"n\">").Append(board.Count()).Append("</td></tr>\n");
        }

        return sb.Append("</tbody>\n</table>\n").ToString();
    }
}
