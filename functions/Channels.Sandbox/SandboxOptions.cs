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

    /// <summary>freepublish/get answers publish_status 1 this many times per publish_id, then 0.</summary>
    public int WeChatPublishPollsBeforeVerdict { get; set; } = 1;

    /// <summary>A sent number's receipt shows up in PullSmsSendStatus only after this many pulls have passed since it was sent.</summary>
    public int SmsReceiptPullsBeforeDelivered { get; set; } = 1;

    /// <summary>
    /// Per cent of mobile numbers whose carrier never reports (phone off for days, roaming): chosen by a hash of the
    /// number, so always the same ones. Their messages are accepted (Code "Ok") but no status is ever pullable
    /// (tencentcloud-sdk-go sms/v20210111/models.go, PullSmsSendStatus.ReportStatus: 仅当运营商有返回短信接收状态时…).
    /// </summary>
    public double SmsSilentPercent { get; set; } = 5;

    /// <summary>
    /// Per cent of (reporting) numbers whose receipt says FAIL (空号, 停机…): by another slice of the same hash. The
    /// message was still accepted and billed (SendStatus.Code "Ok"); ReportStatus is SUCCESS or FAIL (models.go).
    /// </summary>
    public double SmsFailPercent { get; set; } = 3;

    /// <summary>
    /// Whether pulled statuses echo the SendSms SessionContext. Off by default, as on a real account
    /// (PullSmsSendStatus.SessionContext: 默认为空，如需开通请联系腾讯云短信小助手).
    /// </summary>
    public bool SmsSessionContextInPulls { get; set; }

    /// <summary>Lifetime of WeChat access tokens (expires_in of a fresh token).</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>
    /// Weibo safe domains (安全域名), comma-separated: a status must link to one of them (or a subdomain). The default is
    /// only the district's site, as a real app binds it: loopback links are refused unless configured (the local host's
    /// embedded sandbox adds the host of Channels:Website:BaseUrl). A string so that configuration replaces the default.
    /// </summary>
    public string WeiboSafeDomains { get; set; } = "www.furong.gov.cn";

    /// <summary>
    /// The account's server URL: when set, each freepublish job that completes is pushed there as a signed
    /// PUBLISHJOBFINISH XML event (best effort, in the background). Also settable at run time: PUT /sandbox/wechat/push.
    /// </summary>
    public string WeChatPushUrl { get; set; } = "";

    /// <summary>The Token of the account's server configuration, which signs the pushes.</summary>
    public string WeChatPushToken { get; set; } = "";

    /// <summary>How long after freepublish/submit the job completes and is pushed.</summary>
    public int WeChatPushDelayMs { get; set; } = 100;

    /// <summary>
    /// The account has API 群发保护 on: every mass send to all followers waits for an administrator's confirmation and
    /// fails after 30 minutes without one. Off by default (the platform's docs describe it as a protection an account
    /// turns on); PUT /sandbox/wechat/verdicts switches it at run time.
    /// </summary>
    public bool WeChatMassProtection { get; set; }

    /// <summary>Server-URL message mode of the pushes: plaintext (明文), compatible (兼容) or safe (安全模式, AES only).</summary>
    public string WeChatPushMode { get; set; } = "plaintext";

    /// <summary>The account's EncodingAESKey (43 characters) that encrypts pushes in compatible and safe mode.</summary>
    public string WeChatPushEncodingAESKey { get; set; } = "";

    /// <summary>Seed of the Random that decides rate-based faults, so runs are repeatable.</summary>
    public int FaultRandomSeed { get; set; } = 20170101;
}
