using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Sms;

public sealed class SmsOptions : IValidatableObject
{
    public const string SectionName = "Channels:Sms";

    /// <summary>Endpoint, ending in /: https://sms.tencentcloudapi.com/ in production, the sandbox locally (no default: see ProductionSettings).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    [Required]
    public string SecretId { get; set; } = "";

    [Required]
    public string SecretKey { get; set; } = "";

    [Required]
    public string SmsSdkAppId { get; set; } = "";

    [Required]
    public string SignName { get; set; } = "政务公开";

    /// <summary>
    /// The default notice template: a v1 item giving only sms.text is sent with it when the text fits (see
    /// <see cref="SmsTemplateCatalog"/>). Must be one of <see cref="Templates"/>.
    /// </summary>
    [Required]
    public string TemplateId { get; set; } = "2000001";

    /// <summary>
    /// The account's approved templates (Channels:Sms:Templates:0:Id, :Text, :Variables:0:MaxLength…). Empty: the
    /// built-in ones below, which match the sandbox's account.
    /// </summary>
    public List<SmsTemplate> Templates { get; set; } = [];

    /// <summary>
    /// How long receipts may still come after a message was accepted. Carriers report late (a phone off for days)
    /// or never; after this window a number without a receipt is reported as such — the message stays sent.
    /// </summary>
    [Range(0.01, 24 * 7)]
    public double ReceiptWindowHours { get; set; } = 72;

    /// <summary>
    /// A batch whose SendSms answer was lost and of which the platform shows no trace is sent again once this time has
    /// passed since its intent. PullSmsSendStatusByPhoneNumber lists a message only once the carrier reported it
    /// (SDK model PullSmsSendStatus.ReportStatus) and reaches back 7 days (BeginTime), so the grace must lie well
    /// inside 7 days; 72 h is the carriers' reporting window.
    /// </summary>
    [Range(0.001, 24 * 6)]
    public double UnknownBatchGraceHours { get; set; } = 72;

    /// <summary>How often the follow-up pulls receipts and looks at unknown batches again.</summary>
    [Range(0.1, 3600)]
    public double FollowUpSeconds { get; set; } = 60;

    /// <summary>Templates approved on the sandbox's account (functions/Channels.Sandbox/Sms/SmsTemplates.cs holds the same).</summary>
    public static List<SmsTemplate> BuiltInTemplates() =>
    [
        new()
        {
            Id = "2000001", Name = "信息发布通知", Text = "政府信息公开：{1}详情请查阅政府门户网站。",
            Variables = [new() { Name = "内容", MaxLength = 40 }],
        },
        new()
        {
            Id = "2000002", Name = "部门发布提醒", Text = "{1}发布了新的政府信息，请登录政府门户网站查看。",
            Variables = [new() { Name = "发布单位", MaxLength = SmsTemplateText.DefaultVariableLimit }],
        },
    ];

    [Required]
    public string Region { get; set; } = "ap-guangzhou";

    [Range(1, 200)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// The secret the receipt callback URL carries (?token=…, set in the SMS console together with the URL). A callback
    /// without it, or with another, is refused with 401; with none configured every callback is refused (receipts
    /// then come by pull only).
    /// </summary>
    public string? CallbackToken { get; set; }

    /// <summary>Ordinary messages are sent from this hour (UTC+8, inclusive)…</summary>
    [Range(0, 23)]
    public int SendFromHour { get; set; } = 8;

    /// <summary>…until this hour (UTC+8, exclusive; 24 = midnight). Emergency messages ignore the window.</summary>
    [Range(1, 24)]
    public int SendUntilHour { get; set; } = 22;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SendFromHour >= SendUntilHour) yield return new ValidationResult("SendFromHour must be before SendUntilHour", [nameof(SendFromHour)]);
        var templates = Templates.Count > 0 ? Templates : BuiltInTemplates();
        if (templates.All(t => t.Id != TemplateId)) yield return new ValidationResult($"TemplateId {TemplateId} is not among Templates", [nameof(TemplateId)]);
        foreach (var t in templates)
        {
            var (fixedParts, numbers) = t.Parts();
            if (string.IsNullOrWhiteSpace(t.Id)) yield return new ValidationResult("every template needs an Id", [nameof(Templates)]);
            if (numbers.Count > 0 && fixedParts.All(string.IsNullOrWhiteSpace))
                yield return new ValidationResult($"template {t.Id} is all variables (Tencent refuses such templates)", [nameof(Templates)]);
            if (!numbers.Order().SequenceEqual(Enumerable.Range(1, numbers.Count)))
                yield return new ValidationResult($"template {t.Id}: variables must be numbered {{1}}…{{{numbers.Count}}}", [nameof(Templates)]);
            if (t.Variables.Count > 0 && t.Variables.Count != numbers.Count)
                yield return new ValidationResult($"template {t.Id} has {numbers.Count} variables but {t.Variables.Count} configured", [nameof(Templates)]);
        }
    }
}
