using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.WeChat;

public sealed class WeChatOptions : IValidatableObject
{
    public const string SectionName = "Channels:WeChat";

    /// <summary>API base, ending in /: https://api.weixin.qq.com/ in production, the sandbox locally (no default: see ProductionSettings).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    [Required]
    public string AppId { get; set; } = "";

    [Required]
    public string AppSecret { get; set; } = "";

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

    /// <summary>
    /// The server URL's message mode (消息加解密方式), as set in the account's server configuration: plaintext (明文模式,
    /// the signature alone), compatible (兼容模式: the body carries the event both in clear and in &lt;Encrypt&gt;; the
    /// encrypted copy is used when present) or safe (安全模式: only &lt;Encrypt&gt;, with encrypt_type=aes and msg_signature;
    /// anything else is refused). compatible and safe need <see cref="EncodingAESKey"/>.
    /// </summary>
    [RegularExpression("^(plaintext|compatible|safe)$")]
    public string EventMode { get; set; } = "plaintext";

    /// <summary>The account's EncodingAESKey (消息加解密密钥, 43 characters) for compatible and safe mode.</summary>
    [RegularExpression("^([A-Za-z0-9]{43})?$")]
    public string EncodingAESKey { get; set; } = "";

    /// <summary>When the daily digest goes out, UTC+8, HH:mm.</summary>
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string DigestTime { get; set; } = "18:00";

    /// <summary>Articles per digest (WeChat allows at most 8 in one message).</summary>
    [Range(1, 8)]
    public int DigestMaxArticles { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EventMode != "plaintext" && !WeChatMessageCrypt.IsValidKey(EncodingAESKey))
        {
            yield return new ValidationResult(
                $"Channels:WeChat:EncodingAESKey must be the account's 43-character EncodingAESKey when EventMode is {EventMode}",
                [nameof(EncodingAESKey)]);
        }
    }
}
