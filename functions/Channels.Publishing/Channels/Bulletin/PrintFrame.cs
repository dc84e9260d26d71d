using System.Globalization;
using System.Text;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// The A4 print frame of the bulletin exports: one <c>section.sheet</c> per printed page group, each document
/// starting on a new page; 宋体 (Noto Serif CJK SC) for text, 黑体 (Noto Sans CJK SC) for headings; page numbers
/// from the @page counter; the screen-only bar disappears when printed. No script, no external resources.
/// </summary>
public static class PrintFrame
{
    public const string SerifFonts = "\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",\"宋体\",serif";
    public const string SansFonts = "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"SimHei\",\"黑体\",sans-serif";

    static readonly string Css =
        "@page{size:A4;margin:20mm;@bottom-center{content:\"第 \" counter(page) \" 页\";font:10pt " + SerifFonts + ";color:#444}}" +
        "html{background:#e6e6e6}body{margin:0;font-family:" + SerifFonts + ";font-size:15pt;line-height:1.75;color:#000}" +
        "h1,h2,h3,th,.masthead,.gazette-title,.running,.issue-no{font-family:" + SansFonts + "}" +
        ".bar{font:14px " + SansFonts + ";background:#b8261c;color:#fff;padding:8px 16px}.bar a{color:#fff}" +
        ".sheet{box-sizing:border-box;width:210mm;min-height:297mm;margin:8mm auto;padding:20mm;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.25)}" +
        ".sheet+.sheet{page-break-before:always;break-before:page}" +
        ".masthead{text-align:center;color:#b8261c;font-size:26pt;font-weight:bold;line-height:1.4;margin-top:6mm}" +
        ".gazette-title{text-align:center;color:#b8261c;font-size:40pt;font-weight:bold;letter-spacing:4pt;margin:50mm 0 12mm}" +
        ".issue-no{text-align:center;font-size:16pt;margin:4mm 0 0}.issue-date{text-align:center;margin:0 0 4mm}" +
        ".rule{border:0;border-top:2pt solid #b8261c;margin:4mm 0 6mm}" +
        "h2{text-align:center;font-size:18pt;margin:6mm 0 3mm}h3{font-size:14pt;margin:5mm 0 2mm}" +
        "table{width:100%;border-collapse:collapse;font-size:11pt;line-height:1.5}th,td{border:1px solid #555;padding:2mm;vertical-align:top}" +
        "th{background:#f0f0f0;font-weight:bold}tr{break-inside:avoid}.n{text-align:center;white-space:nowrap}" +
        ".running{font-size:10pt;color:#444;border-bottom:1px solid #999;padding-bottom:1mm;margin-bottom:8mm}" +
        ".title{font-size:22pt;line-height:1.5;margin:0 0 4mm}.docno{text-align:center;margin:0 0 6mm}" +
        ".body p{text-indent:2em;margin:0 0 2mm}.sign{text-align:right;margin-top:10mm}" +
        ".boards{margin-top:10mm;border:1px dashed #777;padding:2mm 3mm;font-size:11pt}.empty{text-align:center;color:#555}" +
        ".cover-foot{text-align:center;margin-top:90mm;font-size:14pt}" +
        "@media print{html{background:none}.bar{display:none}.sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}}";

    /// <summary>The whole document: a screen-only bar, then the sheets.</summary>
    public static string Page(string title, string screenNote, IEnumerable<string> sheets)
    {
        var sb = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
            .Append("<div class=\"bar\">").Append(screenNote).Append("</div>\n");
        foreach (var sheet in sheets) sb.Append(sheet).Append('\n');
        return sb.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>One document in full on its own page(s): running header, title, 文号, body, 发布机构 and date, and (on the boards' copies) where it is
    /// posted.</summary>
    public static string DocumentSheet(BulletinDocument doc, string running, string anchor, bool showBoards = true)
    {
        var sb = new StringBuilder()
            .Append("<section class=\"sheet doc\" id=\"").Append(E(anchor)).Append("\">\n")
            .Append("<div class=\"running\">").Append(E(running)).Append("</div>\n")
            .Append("<h1 class=\"title\" style=\"text-align:center\">").Append(E(doc.Title)).Append("</h1>\n")
            .Append(doc.DocumentNumber is null ? "" : $"<p class=\"docno\">{E(doc.DocumentNumber)}</p>\n")
            .Append("<div class=\"body\">").Append(doc.BodyHtml).Append("</div>\n")
            .Append("<p class=\"sign\">").Append(E(doc.Publisher)).Append("<br>").Append(E(ChineseDate(doc.Date))).Append("</p>\n");
        if (showBoards && doc.Boards.Count > 0)
            sb.Append("<p class=\"boards\">张贴位置：").Append(string.Join("、", doc.Boards.Select(E))).Append("</p>\n");
        return sb.Append("</section>").ToString();
    }

    /// <summary>2017-05-10 → 2017年5月10日.</summary>
    public static string ChineseDate(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? $"{d.Year}年{d.Month}月{d.Day}日"
            : date;
}
