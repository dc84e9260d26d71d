namespace Channels.Sandbox;

/// <summary>Credentials the emulated platforms accept, and how late their verdicts come.</summary>
public sealed class SandboxOptions
{
    public string WeChatAppId { get; set; } = "wx-sandbox-appid";
    public string WeChatAppSecret { get; set; } = "wx-sandbox-secret";
    public string WeiboAccessToken { get; set; } = "weibo-sandbox-token";
    public string TencentSecretId { get; set; } = "AKIDsandbox";
    public string TencentSecretKey { get; set; } = "sandbox-secret-key";
    public string SmsSdkAppId { get; set; } = "1400000001";

    /// <summary>freepublish/get answers "publishing" (1) this many times per publish_id before the verdict.</summary>
    public int WeChatPublishPollsBeforeVerdict { get; set; } = 1;

    /// <summary>A sent number's receipt appears in PullSmsSendStatus after this many pulls since it was sent.</summary>
    public int SmsReceiptPullsBeforeDelivered { get; set; } = 1;

    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>Weibo safe domains (安全域名): a status must link to one of them.</summary>
    public List<string> WeiboSafeDomains { get; set; } = ["127.0.0.1", "localhost", "www.furong.gov.cn"];
}
