using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>POST cgi-bin/stable_token (JSON body) and GET cgi-bin/token (query string).</summary>
internal sealed class WeChatTokenHandlers(WeChatTokenStore tokens, SandboxOptions options)
{
    public async Task<ApiResult> StableTokenAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var appId = JsonFields.Str(body, "appid");
        var force = JsonFields.Bool(body, "force_refresh");
        call.Detail["appid"] = appId;
        call.Detail["force_refresh"] = force;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (body is null) return WeChatResults.DataFormatError();
        if (CheckCredentials(JsonFields.Str(body, "grant_type"), appId, JsonFields.Str(body, "secret")) is { } refused) return refused;
        var (token, expiresIn) = tokens.Stable(force);
        return WeChatResults.Ok(new { access_token = token, expires_in = expiresIn });
    }

    public async Task<ApiResult> ClassicTokenAsync(ApiCall call)
    {
        var appId = call.Query("appid");
        call.Detail["appid"] = appId;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (CheckCredentials(call.Query("grant_type"), appId, call.Query("secret")) is { } refused) return refused;
        var (token, expiresIn) = tokens.Classic();
        return WeChatResults.Ok(new { access_token = token, expires_in = expiresIn });
    }

    ApiResult? CheckCredentials(string? grantType, string? appId, string? secret)
    {
        if (grantType != "client_credential") return WeChatResults.Error(40002, "invalid grant_type");
        if (string.IsNullOrEmpty(appId)) return WeChatResults.Error(41002, "appid missing");
        if (string.IsNullOrEmpty(secret)) return WeChatResults.Error(41004, "appsecret missing");
        if (appId != options.WeChatAppId) return WeChatResults.Error(40013, "invalid appid");
        if (secret != options.WeChatAppSecret) return WeChatResults.Error(40125, "invalid appsecret");
        return null;
    }
}
