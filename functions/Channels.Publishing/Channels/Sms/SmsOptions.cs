using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Sms;

public sealed class SmsOptions
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
    public string SignName { get; set; } = "芙蓉区政务公开";

    /// <summary>An approved notification template with one variable, e.g. "芙蓉区政府信息公开：{1}".</summary>
    [Required]
    public string TemplateId { get; set; } = "2000001";

    [Required]
    public string Region { get; set; } = "ap-guangzhou";

    [Range(1, 200)]
    public int BatchSize { get; set; } = 200;
}
