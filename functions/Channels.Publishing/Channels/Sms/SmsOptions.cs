using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Sms;

public sealed class SmsOptions : IValidatableObject
{
    public const string SectionName = "Channels:Sms";

    /// <summary>Endpoint, ending in /: https://sms.tencentcloudapi.com/ in production, the sandbox locally.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:7081/sms/";

    [Required]
    public string SecretId { get; set; } = "AKIDsandbox";

    [Required]
    public string SecretKey { get; set; } = "sandbox-secret-key";

    [Required]
    public string SmsSdkAppId { get; set; } = "1400000001";

    [Required]
    public string SignName { get; set; } = "政务公开";

    /// <summary>An approved notification template with one variable, e.g. "某某区政府信息公开：{1}".</summary>
    [Required]
    public string TemplateId { get; set; } = "2000001";

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
    }
}
