namespace Channels.Publishing.Channels.WeChat;

/// <summary>A non-zero errcode from the WeChat API.</summary>
public sealed class WeChatApiException(string api, int errcode, string? errmsg) : Exception($"WeChat {api}: errcode {errcode} {errmsg}")
{
    public int ErrCode { get; } = errcode;

    /// <summary>The access token is invalid or expired: refresh it and retry once.</summary>
    public bool IsTokenProblem => ErrCode is 40001 or 40014 or 42001;

    /// <summary>Configuration or permission problems no retry can fix (contract reference §7).</summary>
    public bool IsPermanent => ErrCode is 40013 or 40125 or 40164 or 40243 or 48001 or 53503 or 53504 or 53505 or 40007 or 44003 or 45002;
}
