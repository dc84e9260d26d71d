using System.Globalization;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>WeChat answers: errors are HTTP 200 with {errcode, errmsg} (contract reference §1.1).</summary>
internal static class WeChatResults
{
    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body, ApiResult.OkOutcome);

    public static ApiResult OkStatus() => Ok(new { errcode = 0, errmsg = "ok" });

    public static ApiResult Error(int code, string message, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["errcode"] = code, ["errmsg"] = message };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) body[key] = value;
        return new ApiResult(StatusCodes.Status200OK, body, code.ToString(CultureInfo.InvariantCulture));
    }

    public static ApiResult DataFormatError() => Error(47001, "data format error");

    public static ApiResult InvalidMediaId() => Error(40007, "invalid media_id");

    public static ApiResult InvalidArgs() => Error(40002, "invalid args");

    /// <summary>The platform's usual errmsg for codes a fault may inject.</summary>
    public static string DefaultMessage(int code) => code switch
    {
        -1 => "system error",
        40001 => "invalid credential, access_token is invalid or not latest",
        40164 => "invalid ip, not in whitelist",
        42001 => "access_token expired",
        45009 => "reach max api daily quota limit",
        45011 => "api minute-quota reach limit  mustslower  retry next minute",
        45028 => "has no masssend quota",
        48001 => "api unauthorized",
        53503 => "该草稿未通过发布检查",
        _ => "sandbox injected error",
    };
}
