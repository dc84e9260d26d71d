using System.Text;
using Channels.Publishing.Items;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// The monthly 政府公报: a cover (公报 name, 2017年第3期 = the month, date of issue), a 目录 grouped 规章 /
/// 行政规范性文件 / 其他文件, then every document in full, each on a new A4 page, in the order of the 目录.
/// </summary>
public sealed class GazetteRenderer(string issuer)
{
    const string Others = "其他文件";

    static readonly string[] Groups = [DocumentCategories.Regulation, DocumentCategories.NormativeDocument, Others];

    public static string GazettePath(int year, int month) => $"{year:D4}/{month:D2}/gazette.html";

    /// <summary>2017, 3 → 2017年第3期.</summary>
    public static string PeriodName(int year, int month) => $"{year}年第{month}期";

    /// <summary>The gazette's order: by group (规章, 行政规范性文件, 其他文件), then as given (date, then id).</summary>
    public static IReadOnlyList<BulletinDocument> Order(IEnumerable<BulletinDocument> docs) =>
        [.. docs.Select((d, i) => (d, i)).OrderBy(x => Array.IndexOf(Groups, GroupOf(x.d))).ThenBy(x => x.i).Select(x => x.d)];

    static string GroupOf(BulletinDocument d) => d.DocumentCategory is { } c && Groups.Contains(c) ? c : Others;

    public string Gazette(int year, int month, IReadOnlyList<BulletinDocument> ordered)
    {
        var title = $"{issuer}公报";
        var period = PeriodName(year, month);
        var lastDay = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        var cover = new StringBuilder()
            .Append("<section class=\"sheet cover\">\n<div class=\"gazette-title\">").Append(E(title)).Append("</div>\n")
            .Append("<p class=\"issue-no\">").Append(E(period)).Append("</p>\n<hr class=\"rule\">\n")
            .Append("<p class=\"cover-foot\">").Append(E(issuer)).Append("办公室编印<br>").Append(lastDay.Year).Append('年').Append(lastDay.Month)
            .Append('月').Append(lastDay.Day).Append("日出版</p>\n</section>");

        var toc = new StringBuilder("<section class=\"sheet contents\">\n<h2>目　录</h2>\n");
        if (ordered.Count == 0) toc.Append("<p class=\"empty\">本期无收录文件。</p>\n");
        var position = 0;
        foreach (var group in ordered.GroupBy(GroupOf))
        {
            toc.Append("<h3>【").Append(E(group.Key)).Append("】</h3>\n<table class=\"toc\">\n<tbody>\n");
            foreach (var d in group)
            {
                position++;
                toc.Append("<tr><td><a href=\"#doc-").Append(position).Append("\">").Append(E(d.Title)).Append("</a>")
                   .Append(d.DocumentNumber is null ? "" : $"<br><span>（{E(d.DocumentNumber)}）</span>")
                   .Append("</td><td class=\"n\">").Append(E(d.Publisher)).Append("</td><td class=\"n\">第").Append(position).Append("篇</td></tr>\n");
            }

            toc.Append("</tbody>\n</table>\n");
        }

        var sheets = new List<string> { cover.ToString(), toc.Append("</section>").ToString() };
        sheets.AddRange(ordered.Select((d, i) => PrintFrame.DocumentSheet(d, $"{title} · {period} · 第{i + 1}篇", $"doc-{i + 1}", showBoards: false)));
        return PrintFrame.Page($"{title} {period}", $"{E(title)} {E(period)} · 共{ordered.Count}篇 · A4 版式，可直接打印", sheets);
    }
}
