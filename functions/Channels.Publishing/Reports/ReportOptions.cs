using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Reports;

public sealed class ReportOptions
{
    public const string SectionName = "Channels:Report";

    /// <summary>The district as the report names it in its title (e.g. “某某市某某区”); empty: the title names none.</summary>
    [StringLength(40)]
    public string DistrictName { get; set; } = "";
}
