using System.Net;
using System.Text;

namespace Channels.Publishing.Reports;

/// <summary>Markdown and printable HTML of an <see cref="AnnualReport"/>.</summary>
public static class ReportRenderer
{
    public static string Markdown(AnnualReport r)
    {
        var sb = new StringBuilder($"# {r.Title}\n\n> {r.Note}\n");
        foreach (var section in r.Sections)
        {
            sb.Append($"\n## {section.Heading}\n\n");
            foreach (var p in section.Paragraphs) sb.Append(p).Append("\n\n");
            if (section.Table is { } t)
            {
                sb.Append("| ").AppendJoin(" | ", t.Header).Append(" |\n|").Append(string.Concat(t.Header.Select(_ => "---|"))).Append('\n');
                foreach (var row in t.Rows) sb.Append("| ").AppendJoin(" | ", row).Append(" |\n");
            }
        }

        return sb.ToString();
    }

    public static string Html(AnnualReport r)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{E(r.Title)}</title>\n")
            .Append("<style>body{font-family:\"Noto Serif CJK SC\",\"SimSun\",serif;max-width:820px;margin:24px auto;padding:0 16px;line-height:1.8}")
            .Append("h1{text-align:center;font-size:22px}h2{font-size:17px;margin-top:28px}p{text-indent:2em}.note{color:#555;font-size:13px;text-indent:0}")
            .Append("table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #333;padding:4px 6px;text-align:center}" +
                "@page{size:A4;margin:20mm}</style>\n")
            .Append($"</head>\n<body>\n<h1>{E(r.Title)}</h1>\n<p class=\"note\">{E(r.Note)}</p>\n");
        foreach (var section in r.Sections)
        {
            sb.Append($"<h2>{E(section.Heading)}</h2>\n");
            foreach (var p in section.Paragraphs) sb.Append($"<p>{E(p)}</p>\n");
            if (section.Table is { } t)
            {
                sb.Append("<table>\n<tr>").AppendJoin("", t.Header.Select(h => $"<th>{E(h)}</th>")).Append("</tr>\n");
                foreach (var row in t.Rows) sb.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{E(c)}</td>")).Append("</tr>\n");
                sb.Append("</table>\n");
            }
        }

        return sb.Append("</body>\n</html>\n").ToString();
    }
}
