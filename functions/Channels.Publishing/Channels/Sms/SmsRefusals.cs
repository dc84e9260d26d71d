namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// Whole-request refusals of SendSms that retrying cannot fix — the template, its parameters or the content
/// (tencentcloud-sdk-go sms/v20210111/errors.go) — with their reason in words (zh-CN) for the ledger.
/// </summary>
public static class SmsRefusals
{
    public static bool IsContent(string code) => code.StartsWith("FailedOperation.Template", StringComparison.Ordinal)
        || code.StartsWith("FailedOperation.Signature", StringComparison.Ordinal)
        || code is "FailedOperation.ContainSensitiveWord" or "MissingParameter.EmptyPhoneNumberSet"
        || code.StartsWith("InvalidParameterValue.", StringComparison.Ordinal) && code != "InvalidParameterValue.IncorrectPhoneNumber";

    public static string Reason(string code, string? message)
    {
        var words = code switch
        {
            "FailedOperation.TemplateIncorrectOrUnapproved" => "短信模板未审核通过或与内容不匹配",
            "FailedOperation.TemplateParamSetNotMatchApprovedTemplate" => "模板参数个数与审核通过的模板不一致",
            "InvalidParameterValue.TemplateParameterLengthLimit" => "模板变量超过账号允许的长度",
            "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter" => "模板变量中不允许使用网址",
            "InvalidParameterValue.ContentLengthLimit" => "短信内容过长",
            "FailedOperation.SignatureIncorrectOrUnapproved" => "短信签名未审核通过",
            "FailedOperation.ContainSensitiveWord" => "短信内容含敏感词",
            _ => "平台拒绝发送",
        };
        return $"短信平台拒绝发送：{words}（{code}{(string.IsNullOrEmpty(message) ? "" : "：" + message)}），未发送，修改后可重试";
    }
}
