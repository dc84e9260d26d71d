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

    /// <summary>
    /// Refusals no retry can fix: configuration or permission (40013, 40125, 40164, 40243, 48001), a draft that failed
    /// the publish check (53503–53505), and content the platform will not take (<see cref="IsContentRefusal"/>).
    /// </summary>
    public bool IsPermanent => ErrCode is 40013 or 40125 or 40164 or 40243 or 48001 or 53503 or 53504 or 53505 || IsContentRefusal;

    /// <summary>
    /// The article itself is refused: a field over its limit or empty, or a bad media id. Codes from WeChat's global
    /// return codes (全局返回码): 44003 empty news data, 45002 content size out of limit, 45003 title size out of limit,
    /// 45004 description (digest) size out of limit, 45005 url size out of limit, 45008 article size out of limit,
    /// 40007 invalid media_id; 45110 author size out of limit as developers report it from draft/add.
    /// </summary>
    public bool IsContentRefusal => ErrCode is 44003 or 45002 or 45003 or 45004 or 45005 or 45008 or 45110 or 40007;

    /// <summary>What an editor reads (Chinese) when the platform refuses the article's content.</summary>
    public string ContentReason() => "微信平台拒收该图文（不会自动重试，请修改后以新编号重新提交）：" + (ErrCode switch
    {
        44003 => "标题或正文为空（44003）",
        45002 => "正文超过长度上限（45002，须少于2万字符且小于1M）",
        45003 => "标题超过长度上限（45003，不超过32个字）",
        45004 => "摘要超过长度上限（45004，不超过128个字）",
        45005 => "原文链接超过长度上限（45005）",
        45008 => "图文篇数或大小超过上限（45008）",
        45110 => "作者超过长度上限（45110，不超过16个字）",
        40007 => "封面或素材 media_id 无效（40007）",
        _ => $"errcode {ErrCode}",
    }) + $"。平台原文：{Message}";
}
