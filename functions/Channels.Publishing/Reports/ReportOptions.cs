using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Reports;

public sealed class ReportOptions
{
    public const string SectionName = "Channels:Report";

    /// <summary>The district as the report names it in its title (e.g. 长沙市芙蓉区).</summary>
    [Required]
    public string DistrictName { get; set; } = "长沙市芙蓉区";
}
