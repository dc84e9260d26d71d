namespace Channels.Publishing.Channels.WeChat;

/// <summary>A non-zero errcode from the WeChat API.</summary>
public sealed class WeChatApiException(string api, int errcode, string? errmsg) : Exception($"WeChat {api}: errcode {errcode} {errmsg}"), IQuotaLimited
{
    /// <summary>45011 per-minute limit, 45009 daily quota of that API (contract reference §1.3).</summary>
    public QuotaWindow? Window => ErrCode switch
    {
        45011 => QuotaWindow.Minute,
        45009 => QuotaWindow.Day,
        _ => null,
    };

    public int ErrCode { get; } = errcode;

    /// <summary>The earlier send's msg_id that a 45065 (clientmsgid already used) answer carries.</summary>
    public string? MsgId { get; init; }

    /// <summary>The access token is invalid or expired: refresh it and retry once.</summary>
    public bool IsTokenProblem => ErrCode is 40001 or 40014 or 42001;

    /// <summary>Credentials or account configuration (AppID/AppSecret, IP whitelist, API permission): a person must fix them.</summary>
    public bool IsCredentialProblem => ErrCode is 40013 or 40125 or 40164 or 40243 or 48001 or 89503 or 89506 or 89507;

    /// <summary>What a channel admin reads (Chinese) for a credentials/configuration problem.</summary>
    public string CredentialReason() => "微信平台拒绝：凭据/配置错误，未重试，请管理员处理：" + (ErrCode switch
    {
        40013 => "AppID 无效（40013），请核对公众号 AppID",
        40125 => "AppSecret 无效（40125），可能已在公众平台重置，请更新密钥",
        40164 => "调用 IP 不在公众号 IP 白名单中（40164），请在开发设置中添加出口 IP",
        40243 => "AppSecret 已被冻结（40243），请在公众平台解冻或重置",
        48001 => "接口未授权（48001），公众号没有该接口权限",
        89503 or 89506 or 89507 => $"调用 IP 需管理员确认或已被拒绝（{ErrCode}）",
        _ => $"errcode {ErrCode}",
    }) + $"。平台原文：{Message}";

    /// <summary>Configuration or permission problems no retry can fix (contract reference §7).</summary>
    public bool IsPermanent => ErrCode is 40013 or 40125 or 40164 or 40243 or 48001 or 53503 or 53504 or 53505 or 40007 or 44003 or 45002;
}
