using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Sms;

/// <summary>Tencent Cloud SMS API 3.0 (version 2021-01-11): SendSms and PullSmsSendStatus, TC3-signed.</summary>
public class TencentSmsClient(HttpClient http, IOptions<SmsOptions> options, TimeProvider time)
{
    /// <summary>SendSms with an approved template: TemplateParamSet must hold as many values as the template has variables.</summary>
    public virtual async Task<IReadOnlyList<SmsSendStatus>> SendAsync(
        IReadOnlyList<string> phones, string templateId, IReadOnlyList<string> templateParams, string sessionContext, CancellationToken ct)
    {
        var o = options.Value;
        var r = await CallAsync("SendSms", new
        {
            PhoneNumberSet = phones, SmsSdkAppId = o.SmsSdkAppId, SignName = o.SignName, TemplateId = templateId,
            TemplateParamSet = templateParams, SessionContext = sessionContext,
        }, ct);
        return r.GetProperty("SendStatusSet").EnumerateArray()
            .Select(s => new SmsSendStatus(s.Str("PhoneNumber") ?? "", s.Str("SerialNo"), s.Str("Code") ?? "", s.Str("Message"), long.TryParse(s.Str("Fee"),
                NumberStyles.Integer, CultureInfo.InvariantCulture, out var fee) ? fee : null))
            .ToList();
    }

    public virtual async Task<IReadOnlyList<SmsReceipt>> PullStatusAsync(int limit, CancellationToken ct) =>
        Receipts(await CallAsync("PullSmsSendStatus", new { Limit = limit, SmsSdkAppId = options.Value.SmsSdkAppId }, ct));

    /// <summary>
    /// PullSmsReplyStatus: citizens' replies to our messages (consumed by the pull), at most 100 per call. Shape per
    /// tencentcloud-sdk-go tencentcloud/sms/v20210111/models.go (PullSmsReplyStatus: PhoneNumber, ReplyContent, ReplyTime unix s).
    /// </summary>
    public virtual async Task<IReadOnlyList<SmsReply>> PullRepliesAsync(int limit, CancellationToken ct)
    {
        var r = await CallAsync("PullSmsReplyStatus", new { Limit = limit, SmsSdkAppId = options.Value.SmsSdkAppId }, ct);
        if (!r.TryGetProperty("PullSmsReplyStatusSet", out var set) || set.ValueKind != JsonValueKind.Array) return [];
        return set.EnumerateArray().Select(s => new SmsReply(s.Str("PhoneNumber") ?? "", s.Str("ReplyContent") ?? "",
            long.TryParse(s.Str("ReplyTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0)).ToList();
    }

    /// <summary>PullSmsSendStatusByPhoneNumber: statuses of messages sent to one number since <paramref name="since"/> (not consumed).</summary>
    /// <summary>Most statuses one PullSmsSendStatusByPhoneNumber answers (models.go: Limit 拉取最大条数，最多 100).</summary>
    public const int ByPhoneLimit = 100;

    /// <summary>
    /// Statuses of messages sent to one number from <paramref name="since"/> to <paramref name="until"/> (EndTime), oldest
    /// first, at most <see cref="ByPhoneLimit"/>. Offset is not a way to page: models.go PullSmsSendStatusByPhoneNumberRequest.Offset
    /// says 目前固定设置为0 — a full answer can only be continued by narrowing the time window (<see cref="SmsBatchReconciler"/>).
    /// </summary>
    public virtual async Task<IReadOnlyList<SmsReceipt>> PullByPhoneAsync(string phone, DateTimeOffset since, CancellationToken ct,
        DateTimeOffset? until = null) =>
        Receipts(await CallAsync("PullSmsSendStatusByPhoneNumber", new
        {
            BeginTime = since.ToUnixTimeSeconds(), EndTime = until?.ToUnixTimeSeconds(), Offset = 0, Limit = ByPhoneLimit, PhoneNumber = phone,
            SmsSdkAppId = options.Value.SmsSdkAppId,
        }, ct));

    static List<SmsReceipt> Receipts(JsonElement r)
    {
        if (!r.TryGetProperty("PullSmsSendStatusSet", out var set) || set.ValueKind != JsonValueKind.Array) return [];
        return set.EnumerateArray().Select(s => new SmsReceipt(
            s.Str("SerialNo") ?? "", s.Str("PhoneNumber") ?? "", s.Str("ReportStatus") ?? "", s.Str("Description"), s.Str("SessionContext") ?? "",
            long.TryParse(s.Str("UserReceiveTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0)).ToList();
    }

    /// <summary>
    /// One API call. AuthFailure.SignatureExpire means the platform refused the request unread (the signature's
    /// timestamp is stale): it is signed again with the current time and sent once more.
    /// </summary>
    async Task<JsonElement> CallAsync(string action, object body, CancellationToken ct)
    {
        try
        {
            return await CallOnceAsync(action, body, ct);
        }
        catch (TencentSmsException e) when (e.Code == "AuthFailure.SignatureExpire")
        {
            return await CallOnceAsync(action, body, ct);
        }
    }

    async Task<JsonElement> CallOnceAsync(string action, object body, CancellationToken ct)
    {
        var o = options.Value;
        var payload = JsonSerializer.Serialize(body, RawJson);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var host = http.BaseAddress!.IsDefaultPort ? http.BaseAddress.Host : $"{http.BaseAddress.Host}:{http.BaseAddress.Port}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "");
        request.Content = new StringContent(payload, Encoding.UTF8);
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(Tc3Signer.ContentType);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization", Tc3Signer.Authorization(o.SecretId, o.SecretKey, "sms", host, timestamp, payload));
        request.Headers.Add("X-TC-Action", action);
        request.Headers.Add("X-TC-Version", "2021-01-11");
        request.Headers.Add("X-TC-Region", o.Region);
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request, ct);
        var json = await ChannelHttp.ReadJsonAsync(response, "Tencent SMS " + action, ct);
        var r = json.GetProperty("Response");
        if (r.TryGetProperty("Error", out var error)) throw new TencentSmsException(error.Str("Code") ?? "", error.Str("Message"));
        return r;
    }

    /// <summary>Tencent expects PascalCase field names as given.</summary>
    static readonly JsonSerializerOptions RawJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, // an optional field left out, not sent as null
    };
}

public sealed record SmsSendStatus(string PhoneNumber, string? SerialNo, string Code, string? Message, long? Fee = null)
{
    public bool Ok => string.Equals(Code, "Ok", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A citizen's reply to one of our messages (上行短信).</summary>
public sealed record SmsReply(string PhoneNumber, string Text, long ReplyTime);

public sealed record SmsReceipt(string SerialNo, string PhoneNumber, string ReportStatus, string? Description, string SessionContext, long UserReceiveTime);

/// <summary>A whole-request error from Tencent Cloud (Response.Error.Code).</summary>
public sealed class TencentSmsException(string code, string? message) : Exception($"Tencent SMS {code}: {message}"), IQuotaLimited
{
    public string Code { get; } = code;

    /// <summary>The request reached the platform and was refused as a whole: nothing was sent (unlike InternalError.*, which may have).</summary>
    public bool NothingSent => !Code.StartsWith("InternalError", StringComparison.Ordinal);

    /// <summary>Frequency limits pass within a minute, the hourly one in an hour, the *DailyLimit ones the next day (contract reference §3.5).</summary>
    public QuotaWindow? Window => Code switch
    {
        "LimitExceeded.PhoneNumberCountLimit" => null,
        "LimitExceeded.PhoneNumberOneHourLimit" => QuotaWindow.Hour,
        "LimitExceeded.DeliveryFrequencyLimit" or "LimitExceeded.PhoneNumberThirtySecondLimit" => QuotaWindow.Minute,
        _ when Code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal) => QuotaWindow.Minute,
        _ when Code.StartsWith("LimitExceeded.", StringComparison.Ordinal) => QuotaWindow.Day,
        _ => null,
    };

    public bool IsPermanent => !(Code.StartsWith("InternalError", StringComparison.Ordinal) || Code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
        || Code.StartsWith("LimitExceeded.", StringComparison.Ordinal) && Code != "LimitExceeded.PhoneNumberCountLimit");
}
