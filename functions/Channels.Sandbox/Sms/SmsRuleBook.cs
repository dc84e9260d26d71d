namespace Channels.Sandbox.Sms;

/// <summary>One Tencent SMS default the sandbox models: its id (Tencent's error code where it has one), what happens, and the source.</summary>
public sealed record SmsRule(string Id, string Behaviour, string Source);

/// <summary>
/// Every SMS rule the sandbox enforces beyond signing and parameter presence. The conformance suite
/// (tests/Channels.IntegrationTests/SmsConformanceTests.cs) must name each one with what our client does about it, so a
/// rule added here fails the build's tests until the client handles it.
/// </summary>
public static class SmsRuleBook
{
    const string Models = "tencentcloud-sdk-go tencentcloud/sms/v20210111/models.go";
    const string Errors = "tencentcloud-sdk-go tencentcloud/sms/v20210111/errors.go";

    public static readonly IReadOnlyList<SmsRule> All =
    [
        new("pull.session-context-empty", "PullSmsSendStatus(ByPhoneNumber) answers SessionContext \"\"",
            Models + " PullSmsSendStatus.SessionContext: 默认为空，如需开通请联系腾讯云短信小助手"),
        new("carrier.silent-numbers", "a fixed share of numbers (hash of the number) is accepted but never reported",
            Models + " PullSmsSendStatus.ReportStatus: 仅当运营商有返回短信接收状态时回包中才会有状态数据"),
        new("carrier.failed-receipts", "a fixed share of reporting numbers (another hash slice) gets ReportStatus FAIL",
            Models + " PullSmsSendStatus.ReportStatus: SUCCESS（下发成功）、FAIL（下发失败）"),
        new("send.serial-per-number", "SendStatusSet: one SerialNo, Code, Fee per number; Code \"Ok\" when accepted",
            Models + " SendStatus; cloud.tencent.com/document/api/382/55981"),
        new("FailedOperation.TemplateIncorrectOrUnapproved", "TemplateId not an approved template of the account", Errors),
        new("FailedOperation.TemplateParamSetNotMatchApprovedTemplate", "TemplateParamSet count differs from the template's variables",
            Models + " SendSmsRequest.TemplateParamSet; " + Errors),
        new("InvalidParameterValue.TemplateParameterLengthLimit", "a value longer than its variable's limit (account default 6)", Errors),
        new("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", "a link in a variable value",
            Errors + "; cloud.tencent.com/document/product/382/39023 (变量规范)"),
        new("InvalidParameterValue.ContentLengthLimit", "signature + text over 500 characters", "cloud.tencent.com/document/product/382/39023"),
        new("bynumber.offset-fixed-zero", "PullSmsSendStatusByPhoneNumber ignores Offset: at most Limit (≤100) statuses from BeginTime, oldest first",
            Models + " PullSmsSendStatusByPhoneNumberRequest.Offset: 目前固定设置为0; Limit: 拉取最大条数，最多 100"),
        new("LimitExceeded.PhoneNumberCountLimit", "more than 200 numbers in one request", Models + " SendSmsRequest.PhoneNumberSet: 单次请求最多支持200个手机号"),
    ];
}
