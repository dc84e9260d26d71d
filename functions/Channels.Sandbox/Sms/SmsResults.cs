using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Sms;

/// <summary>
/// Tencent Cloud API 3.0 answers: always HTTP 200 with {"Response":{...,"RequestId"}}; whole-request errors as
/// {"Response":{"Error":{"Code","Message"},"RequestId"}} (contract reference §3.4).
/// </summary>
internal static class SmsResults
{
    public static ApiResult Ok(string field, object value) => new(StatusCodes.Status200OK,
        new { Response = new Dictionary<string, object?>(StringComparer.Ordinal) { [field] = value, ["RequestId"] = NewRequestId() } },
        ApiResult.OkOutcome);

    public static ApiResult Error(string code, string message) => new(StatusCodes.Status200OK,
        new { Response = new { Error = new { Code = code, Message = message }, RequestId = NewRequestId() } }, code);

    public static ApiResult Missing(string parameter) =>
        Error("MissingParameter", $"The request is missing a required parameter `{parameter}`.");

    static string NewRequestId() => Guid.NewGuid().ToString();

    public static string DefaultMessage(string code) => code switch
    {
        "InternalError.Timeout" => "请求下发短信超时，请参考 API 接口说明。",
        "InternalError.SendAndRecvFail" => "接口超时或短信收发包超时，请检查您的网络是否有波动。",
        "RequestLimitExceeded" => "请求的次数超过了频率限制。",
        "LimitExceeded.PhoneNumberDailyLimit" => "单个手机号日下发短信条数超过设定的上限。",
        "LimitExceeded.DeliveryFrequencyLimit" => "下发短信命中了频率限制策略，可自行到控制台调整短信频率限制策略，如有其他需求请联系 腾讯云短信小助手。",
        "LimitExceeded.AppDailyLimit" => "业务短信日下发条数超过设定的上限。",
        "AuthFailure.SignatureExpire" => "签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。",
        "FailedOperation.InsufficientBalanceInSmsPackage" => "套餐包余量不足，请购买套餐包。",
        "UnauthorizedOperation.SmsSdkAppIdVerifyFail" => "SmsSdkAppId 校验失败。",
        _ => "sandbox injected error",
    };
}
