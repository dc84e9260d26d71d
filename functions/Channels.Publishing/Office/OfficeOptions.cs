using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Office;

/// <summary>
/// The office's identity (Channels:Office): who runs the site and signs the proofs, and the registrations every page of
/// a 政府网站 must show in its footer (政府网站发展指引, 国办发〔2017〕47号: 主办单位, 网站标识码, ICP备案号,
/// 公安机关备案号, 党政机关网站标识, 联系方式). Nothing here has a built-in value: each deployment configures its own
/// (the local demo configures a sample office), and <see cref="OfficeIdentityCheck"/> names what is missing at start-up.
/// </summary>
public sealed class OfficeOptions
{
    public const string SectionName = "Channels:Office";

    /// <summary>主办单位: the office that runs the site, named on every page, in proofs and reports.</summary>
    [StringLength(60)]
    public string Name { get; set; } = "";

    /// <summary>The publisher (发布机构) given to a submitted item that names none.</summary>
    [StringLength(100)]
    public string Publisher { get; set; } = "";

    /// <summary>网站标识码 (10 characters, issued with the site's registration in the national site census).</summary>
    [RegularExpression(@"^[0-9A-Za-z]{0,20}$")]
    public string SiteCode { get; set; } = "";

    /// <summary>ICP备案号, e.g. 湘ICP备00000000号; linked to the MIIT registration search.</summary>
    [StringLength(40)]
    public string Icp { get; set; } = "";

    /// <summary>公安机关备案号, e.g. 湘公网安备 43010000000000号; linked to the public-security registration record.</summary>
    [StringLength(40)]
    public string PoliceRecord { get; set; } = "";

    /// <summary>The 党政机关网站标识 link (the site's page at the registration authority, bszs.conac.cn).</summary>
    // Empty means not set (a deployment's app settings carry it as ""); [Url] would refuse "".
    [RegularExpression(@"^(https?://\S+)?$")]
    public string? ConacUrl { get; set; }

    /// <summary>The 标识's image (optional; the link is shown as text without it).</summary>
    [RegularExpression(@"^(https?://\S+)?$")]
    public string? ConacImageUrl { get; set; }

    /// <summary>网站联系方式 shown in the footer: telephone, address, e-mail.</summary>
    [StringLength(200)]
    public string Contact { get; set; } = "";

    /// <summary>
    /// The region's holiday calendar: a JSON file in the format of the embedded national data (rules/holidays-cn.json),
    /// whose years, days off and working weekends are added to (and, for a year it lists, replace) the national ones.
    /// Empty: the national calendar only.
    /// </summary>
    public string? HolidayFile { get; set; }

    /// <summary>true: a start-up with any identity setting missing fails instead of logging the missing names.</summary>
    public bool RequireIdentity { get; set; }
}
