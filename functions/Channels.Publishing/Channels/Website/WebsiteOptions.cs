using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Website;

public sealed class WebsiteOptions
{
    public const string SectionName = "Channels:Website";

    /// <summary>Public base URL of the static site (the $web container's web endpoint), without trailing slash.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:7071/site";

    [Required]
    public string SiteTitle { get; set; } = "芙蓉区人民政府门户网站 · 政府信息公开";

    /// <summary>How many latest items a column page and the home page list.</summary>
    [Range(5, 500)]
    public int ListLength { get; set; } = 50;
}
