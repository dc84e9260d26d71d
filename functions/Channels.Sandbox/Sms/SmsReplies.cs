using System.Text.Json.Nodes;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Sms;

/// <summary>A citizen's reply (上行短信) to one of our messages, waiting to be pulled.</summary>
internal sealed record SmsReply(string PhoneNumber, string Text, long ReplyTime);

/// <summary>
/// Replies to our messages (a citizen texting "TD" or "退订" back). Tests and demos make one with POST
/// /sandbox/sms/replies {"phoneNumber": "138…", "text": "TD"}; the client reads them with PullSmsReplyStatus, which —
/// like PullSmsSendStatus — hands each reply out once (consumed by the pull).
/// Shape of PullSmsReplyStatus (API 2021-01-11): request {Limit ≤ 100, SmsSdkAppId}; answer PullSmsReplyStatusSet of
/// {ExtendCode, CountryCode, PhoneNumber (E.164), SignName, ReplyContent, ReplyTime (unix s), SubscriberNumber}
/// (tencentcloud-sdk-go tencentcloud/sms/v20210111/models.go, type PullSmsReplyStatus).
/// </summary>
internal sealed class SmsReplyStore(TimeProvider clock) : IResettable
{
    public const string Action = "PullSmsReplyStatus";
    const int MaxPull = 100;

    readonly List<SmsReply> pending = [];
    readonly Lock gate = new();

    public SmsReply Add(string phoneNumber, string text)
    {
        var reply = new SmsReply(phoneNumber, text, clock.GetUtcNow().ToUnixTimeSeconds());
        lock (gate) pending.Add(reply);
        return reply;
    }

    public IReadOnlyList<SmsReply> Pull(int limit)
    {
        lock (gate)
        {
            var due = pending.Take(limit).ToList();
            pending.RemoveRange(0, due.Count);
            return due;
        }
    }

    public void Reset()
    {
        lock (gate) pending.Clear();
    }

    /// <summary>The PullSmsReplyStatus action (the caller has checked signature, version, region and SmsSdkAppId).</summary>
    public ApiResult Handle(ApiCall call, JsonObject body)
    {
        if (JsonFields.Long(body, "Limit") is not { } limit) return SmsResults.Missing("Limit");
        if (limit < 1) return SmsResults.Error("InvalidParameterValue", "Limit must be at least 1.");
        var replies = Pull((int)Math.Min(limit, MaxPull));
        var set = replies.Select(r => new
        {
            ExtendCode = "", CountryCode = "86", PhoneNumber = r.PhoneNumber, SignName = "政务短信", ReplyContent = r.Text, ReplyTime = r.ReplyTime,
            SubscriberNumber = r.PhoneNumber[3..],
        }).ToList();
        call.Detail["replies"] = replies.Count;
        return SmsResults.Ok("PullSmsReplyStatusSet", set);
    }

    /// <summary>POST /sandbox/sms/replies {phoneNumber, text}: a citizen replies.</summary>
    public static void Map(WebApplication app) => app.MapPost("/sandbox/sms/replies", async (HttpContext http, SmsReplyStore store) =>
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        if (PhoneNumbers.Normalize(JsonFields.Str(body, "phoneNumber")) is not { } phone)
            return Results.Json(new { error = "phoneNumber must be a mainland mobile number" }, statusCode: 400);
        if (JsonFields.Str(body, "text") is not { Length: > 0 } text) return Results.Json(new { error = "text is required" }, statusCode: 400);
        return Results.Json(store.Add(phone, text));
    });
}
