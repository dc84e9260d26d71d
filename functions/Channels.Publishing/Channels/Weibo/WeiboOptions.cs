using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Weibo;

public sealed class WeiboOptions
{
    public const string SectionName = "Channels:Weibo";

    /// <summary>API base, ending in /: https://api.weibo.com/ in production, the sandbox locally (no default: see ProductionSettings).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    [Required]
    public string AccessToken { get; set; } = "";

    /// <summary>
    /// rip of statuses/share: "开发者上报的操作用户真实IP … 请传操作用户的真实有效IP" (https://open.weibo.com/wiki/2/statuses/share) —
    /// the operator's real public IP. Required outside the sandbox (<see cref="WeiboOptionsValidator"/>); against a
    /// sandbox on this machine it may stay empty and 127.0.0.1 is sent.
    /// </summary>
    public string Rip { get; set; } = "";

    /// <summary>What is sent as rip: the configured IP, or 127.0.0.1 against a local sandbox.</summary>
    public string EffectiveRip => string.IsNullOrWhiteSpace(Rip) ? "127.0.0.1" : Rip.Trim();

    /// <summary>Posts allowed per window and account; Weibo's limit is 30 an hour, we stay under it.</summary>
    [Range(1, 30)]
    public int PostsPerHour { get; set; } = 25;

    /// <summary>Weibo's own limit per account and hour; the room above <see cref="PostsPerHour"/> is kept for emergencies.</summary>
    public const int PlatformPostsPerHour = 30;

    /// <summary>Length of the pacing window (3600 = an hour; tests use seconds).</summary>
    [Range(1, 86_400)]
    public double WindowSeconds { get; set; } = 3600;
}
