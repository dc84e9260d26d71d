using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Weibo;

/// <summary>
/// Weibo answers. Errors: {"request":"/2/statuses/share.json","error_code":"&lt;code&gt;","error":"&lt;text&gt;"}
/// with HTTP 403 for authorization codes (21xxx) and 400 otherwise.
/// </summary>
internal static class WeiboResults
{
    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body, ApiResult.OkOutcome);

    public static ApiResult Error(ApiCall call, string code, string message) =>
        new(code.StartsWith("21", StringComparison.Ordinal) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest,
            new { request = RequestPath(call.Http), error_code = code, error = message }, code);

    /// <summary>The path as the real host would have seen it (without the /weibo prefix).</summary>
    static string RequestPath(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/weibo", out var rest) ? rest.Value ?? "/" : http.Request.Path.Value ?? "/";

    public static string DefaultMessage(string code) => code switch
    {
        "10001" => "System error",
        "10022" => "IP requests out of rate limit!",
        "10023" => "User requests out of rate limit!",
        "10024" => "User requests for (statuses/share) out of rate limit!",
        "20016" => "Out of limit!",
        "20017" => "Repeated weibo text!",
        "20019" => "Repeated weibo text!",
        "20032" => "Update success, while server slow now, please wait 1-2 minutes",
        "21327" => "expired_token",
        "21332" => "invalid_access_token",
        _ => "sandbox injected error",
    };
}
