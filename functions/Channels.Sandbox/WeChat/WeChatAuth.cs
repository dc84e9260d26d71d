using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>The access_token check every WeChat business call makes (?access_token= in the query string).</summary>
internal sealed class WeChatAuth(WeChatTokenStore tokens)
{
    /// <summary>The platform's refusal, or null when the token is valid.</summary>
    public ApiResult? Deny(ApiCall call) => tokens.Check(call.Query("access_token")) switch
    {
        TokenCheck.Valid => null,
        TokenCheck.Missing => WeChatResults.Error(41001, "access_token missing"),
        TokenCheck.Expired => WeChatResults.Error(42001, "access_token expired"),
        _ => WeChatResults.Error(40001, "invalid credential, access_token is invalid or not latest"),
    };
}
