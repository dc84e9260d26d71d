using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Weibo;

public sealed class WeiboOptions
{
    public const string SectionName = "Channels:Weibo";

    /// <summary>API base, ending in /: https://api.weibo.com/ in production, the sandbox locally.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:7081/weibo/";

    [Required]
    public string AccessToken { get; set; } = "weibo-sandbox-token";

    /// <summary>The operator IP Weibo requires in rip.</summary>
    [Required]
    public string Rip { get; set; } = "127.0.0.1";

    /// <summary>Posts allowed per window and account; Weibo's limit is 30 an hour, we stay under it.</summary>
    [Range(1, 30)]
    public int PostsPerHour { get; set; } = 25;

    /// <summary>Weibo's own limit per account and hour; the room above <see cref="PostsPerHour"/> is kept for emergencies.</summary>
    public const int PlatformPostsPerHour = 30;

    /// <summary>Length of the pacing window (3600 = an hour; tests use seconds).</summary>
    [Range(1, 86_400)]
    public double WindowSeconds { get; set; } = 3600;
}
