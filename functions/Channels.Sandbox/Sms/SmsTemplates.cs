using System.Globalization;
using System.Text.RegularExpressions;

namespace Channels.Sandbox.Sms;

/// <summary>An approved body template of the sandbox's account: text with {1}, {2}… and each variable's length limit.</summary>
internal sealed record SmsTemplate(string Id, string Text, IReadOnlyList<int> MaxLengths);

/// <summary>
/// The template rules SendSms enforces, each as Tencent names its error (tencentcloud-sdk-go sms/v20210111/errors.go;
/// SendSmsRequest.TemplateParamSet: 模板参数的个数需要与 TemplateId 对应模板的变量个数保持一致):
/// unknown template → FailedOperation.TemplateIncorrectOrUnapproved; parameter count ≠ variable count →
/// FailedOperation.TemplateParamSetNotMatchApprovedTemplate; a value over its variable's limit →
/// InvalidParameterValue.TemplateParameterLengthLimit (6 characters unless the account got more: errors.go); a link in a
/// value → InvalidParameterValue.ProhibitedUseUrlInTemplateParameter (正文模板审核标准 382/39023 变量规范); signature +
/// text over 500 characters → InvalidParameterValue.ContentLengthLimit (382/39023).
/// Billing (Fee): ≤70 characters one message, longer ones per 67 (国内短信内容长度计算规则 382/18058).
/// </summary>
internal static partial class SmsTemplates
{
    public const int AccountDefaultLimit = 6;
    const int MaxTotal = 500;

    /// <summary>The account's approved templates (the publishing side's built-in configuration names the same).</summary>
    public static readonly IReadOnlyList<SmsTemplate> Approved =
    [
        new("2000001", "政府信息公开：{1}详情请查阅政府门户网站。", [40]),
        new("2000002", "{1}发布了新的政府信息，请登录政府门户网站查看。", [AccountDefaultLimit]),
    ];

    [GeneratedRegex(@"\{([1-9][0-9]?)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?i)(https?://|www\.|[a-z0-9-]+\.(com|cn|net|org|gov|edu|top|cc|io|xyz|info|me|vip)\b)")]
    private static partial Regex UrlLike();

    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Null when the template and parameters pass, else Tencent's error code and message.</summary>
    public static (string Code, string Message)? Check(string templateId, IReadOnlyList<string?> values, string signName, out string text)
    {
        text = "";
        var template = Approved.FirstOrDefault(t => t.Id == templateId);
        if (template is null) return ("FailedOperation.TemplateIncorrectOrUnapproved", "模板未审批或内容不匹配。");
        var count = Variable().Matches(template.Text).Count;
        if (values.Count != count) return ("FailedOperation.TemplateParamSetNotMatchApprovedTemplate", "请求内容与审核通过的模板内容不匹配。");
        for (var i = 0; i < count; i++)
        {
            var value = values[i] ?? "";
            var max = i < template.MaxLengths.Count ? template.MaxLengths[i] : AccountDefaultLimit;
            if (UrlLike().IsMatch(value)) return ("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", "禁止在模板变量中使用 URL。");
            if (Length(value) > max) return ("InvalidParameterValue.TemplateParameterLengthLimit", "单个模板变量字符数超过规定的限制数。");
        }

        text = "【" + signName + "】" + Variable().Replace(template.Text, m => values[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1] ?? "");
        if (Length(text) > MaxTotal) return ("InvalidParameterValue.ContentLengthLimit", "请求的短信内容太长。");
        return null;
    }

    /// <summary>Billed messages of one number.</summary>
    public static int Fee(string text) => Length(text) <= 70 ? 1 : (Length(text) + 66) / 67;
}

/// <summary>Which numbers' carriers never report, or report failure: slices of SHA-256(number) decide, so the same ones every run.</summary>
internal static class SmsCarriers
{
    public static bool IsSilent(string e164, double percent) => Slice(e164, 0) < percent * 100;

    /// <summary>Whether the carrier reports this number's messages as failed (another 8 bytes of the hash).</summary>
    public static bool Fails(string e164, double percent) => Slice(e164, 8) < percent * 100;

    static ulong Slice(string e164, int offset) =>
        BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(e164)), offset) % 10_000;
}
