using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.WeChat;

public sealed class WeChatOptions
{
    public const string SectionName = "Channels:WeChat";

    /// <summary>API base, ending in /: https://api.weixin.qq.com/ in production, the sandbox locally.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:7081/wechat/";

    [Required]
    public string AppId { get; set; } = "wx-sandbox-appid";

    [Required]
    public string AppSecret { get; set; } = "wx-sandbox-secret";

    /// <summary>
    /// Permanent cover image (thumb) media id used for every article. Empty (the default): a plain cover is uploaded
    /// once with material/add_material?type=thumb and its media id kept in table channelstate.
    /// </summary>
    public string ThumbMediaId { get; set; } = "";

    /// <summary>
    /// A subscription account may mass-send (群发) once a day: ordinary items wait for the daily digest, emergency
    /// items are published at once. False: every item is published on its own (freepublish), e.g. replaying history.
    /// </summary>
    public bool DigestEnabled { get; set; } = true;

    /// <summary>
    /// The Token set in the account's server configuration (服务器配置): PUBLISHJOBFINISH pushes to
    /// /api/channels/wechat/events are accepted only with signature = sha1(sort(token, timestamp, nonce)).
    /// Empty: every push is refused and verdicts come from freepublish/get polling alone.
    /// </summary>
    public string EventToken { get; set; } = "";

    /// <summary>When the daily digest goes out, UTC+8, HH:mm.</summary>
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string DigestTime { get; set; } = "18:00";

    /// <summary>Articles per digest (WeChat allows at most 8 in one message).</summary>
    [Range(1, 8)]
    public int DigestMaxArticles { get; set; } = 8;
}
