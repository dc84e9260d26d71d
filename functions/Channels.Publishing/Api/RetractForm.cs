using System.Text.Json;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>The body of a retraction: a reason (required, ≤500 chars) and an optional SMS correction (≤300 chars, no 【】).</summary>
public sealed record RetractForm(string Reason, string? SmsCorrection)
{
    public sealed record Problem(int Status, string Field, string Message);

    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(RetractForm? Form, Problem? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, ct) is not { } bytes) return (null, new Problem(413, "body", $"请求体不能超过{MaxBodyBytes / 1024}KB"));
        JsonElement body;
        try
        {
            body = JsonSerializer.Deserialize<JsonElement>(bytes, ChannelsJson.Options);
        }
        catch (JsonException)
        {
            return (null, new Problem(400, "body", "请求体不是有效的 JSON"));
        }

        if (body.ValueKind != JsonValueKind.Object) return (null, new Problem(400, "body", "请求体应为 JSON 对象"));
        if (JsonStrings.FirstUnreadable(body) is { } unreadable) return (null, new Problem(400, unreadable, "含有无法读取的字符（孤立的 UTF-16 代理项或无效的 UTF-8）"));
        var reason = body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()!.Trim() : "";
        if (reason.Length == 0) return (null, new Problem(422, "reason", "请填写撤回原因"));
        if (reason.Length > 500) return (null, new Problem(422, "reason", "撤回原因不超过500字"));
        if (Items.TextRules.FirstForbidden(reason) is not null) return (null, new Problem(422, "reason", "撤回原因含有不允许的控制字符或非字符"));
        string? sms = null;
        if (body.TryGetProperty("smsCorrection", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.String) return (null, new Problem(400, "smsCorrection", "应为字符串"));
            sms = c.GetString()!.Trim();
            if (sms.Length > 300) return (null, new Problem(422, "smsCorrection", "更正短信不超过300字"));
            if (sms.Contains('【', StringComparison.Ordinal) || sms.Contains('】', StringComparison.Ordinal))
                return (null, new Problem(422, "smsCorrection", "短信正文不能包含【】（签名由平台添加）"));
            if (sms.Length == 0) sms = null;
        }

        return (new RetractForm(reason, sms), null);
    }
}
