using System.Text;
using Channels.Publishing.Office;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Channels.Website;

/// <summary>
/// The footer every page of a 政府网站 carries (政府网站发展指引, 国办发〔2017〕47号, 网站标识 and 页面底部功能区):
/// 主办单位, 联系方式, 网站标识码, ICP备案号 (linked to the MIIT registration search), 公安机关备案号 (linked to its
/// record at the public-security registration site) and the 党政机关网站标识 linking to the site's registration.
/// Settings left empty are left out (the start-up check names them).
/// </summary>
public static class SiteFooter
{
    public const string IcpSearchUrl = "https://beian.miit.gov.cn/";
    public const string PoliceRecordUrl = "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=";

    public static string Html(OfficeOptions o)
    {
        var lines = new List<string>();
        var first = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Name)) first.Add($"主办单位：{E(o.Name)}");
        if (!string.IsNullOrWhiteSpace(o.SiteCode)) first.Add($"网站标识码：{E(o.SiteCode)}");
        if (first.Count > 0) lines.Add(string.Join("　", first));
        var records = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Icp)) records.Add($"<a href=\"{IcpSearchUrl}\">{E(o.Icp)}</a>");
        if (!string.IsNullOrWhiteSpace(o.PoliceRecord))
        {
            var code = new string(o.PoliceRecord.Where(char.IsAsciiDigit).ToArray());
            records.Add(code.Length > 0 ? $"<a href=\"{E(PoliceRecordUrl + code)}\">{E(o.PoliceRecord)}</a>" : E(o.PoliceRecord));
        }

        if (records.Count > 0) lines.Add(string.Join("　", records));
        if (!string.IsNullOrWhiteSpace(o.Contact)) lines.Add($"联系方式：{E(o.Contact)}");
        var sb = new StringBuilder("<footer>\n");
        if (!string.IsNullOrWhiteSpace(o.ConacUrl))
        {
            var mark = string.IsNullOrWhiteSpace(o.ConacImageUrl)
                ? "党政机关网站标识"
                : $"<img src=\"{E(o.ConacImageUrl)}\" alt=\"党政机关网站标识\" width=\"55\" height=\"64\">";
            sb.Append("<p class=\"conac\"><a href=\"").Append(E(o.ConacUrl)).Append("\">").Append(mark).Append("</a></p>\n");
        }

        foreach (var line in lines) sb.Append("<p>").Append(line).Append("</p>\n");
        return sb.Append("<p>本页由政府信息公开发布系统生成</p>\n</footer>").ToString();
    }
}
