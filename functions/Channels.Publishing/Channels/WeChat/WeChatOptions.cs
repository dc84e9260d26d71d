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
}
