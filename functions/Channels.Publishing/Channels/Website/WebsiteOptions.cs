using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Website;

public sealed class WebsiteOptions
{
    public const string SectionName = "Channels:Website";

    /// <summary>Public base URL of the static site (the $web container's web endpoint), without trailing slash; no default (ProductionSettings).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>The site's name (网站名称), in every page's header and title; configure it (the default is generic).</summary>
    [Required]
    public string SiteTitle { get; set; } = "政府信息公开";

    /// <summary>
    /// Prefix of the derived 索引号 (usually the office's organisation code): an item without an explicit
    /// indexNumber gets "{IndexPrefix}/{yyyy}-{id}", yyyy being the UTC+8 year of its publishAt.
    /// </summary>
    [Required, RegularExpression(@"^[A-Za-z0-9-]{1,30}$")]
    public string IndexPrefix { get; set; } = "000000000";

    /// <summary>Items per column page (the column archive is paged in buckets of this size), on the home page and in each feed.</summary>
    [Range(5, 500)]
    public int ListLength { get; set; } = 50;
}
