using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Channels.Sandbox;

/// <summary>
/// Tencent Cloud SMS API 3.0, version 2021-01-11 (contract reference §3): one POST endpoint, the action in
/// X-TC-Action, TC3 signature verified. SendSms answers per number (a batch can partly fail); PullSmsSendStatus
/// hands out each delivery receipt once, after SmsReceiptPullsBeforeDelivered pulls.
/// </summary>
public sealed partial class TencentSmsEmulator(IOptions<SandboxOptions> options, Journal journal, FaultBook faults)
{
    const string Channel = "sms";
    readonly ConcurrentQueue<Pending> pending = new();
    long serial = 1_000_000_000_000_000_000;
    long pulls;

    sealed record Pending(string SerialNo, string Phone, string SessionContext, long SentAtPull);

    [GeneratedRegex(@"^(?:\+86|0086|86)?(1[3-9]\d{9})$")]
    private static partial Regex Mobile();

    public void Map(IEndpointRouteBuilder app) => app.MapPost("/sms/", Handle);

    async Task<IResult> Handle(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var action = request.Headers["X-TC-Action"].ToString();
        var o = options.Value;
        var authError = Tc3Verifier.Verify(request, body, o.TencentSecretId, o.TencentSecretKey, DateTimeOffset.UtcNow);
        if (authError is not null) return Error(action, authError, "signature check failed");
        if (request.Headers["X-TC-Version"] != "2021-01-11") return Error(action, "InvalidParameter", "X-TC-Version must be 2021-01-11");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return Error(action, "FailedOperation.JsonParseFail", "request body is not JSON");
        }

        if (json["SmsSdkAppId"]?.ToString() != o.SmsSdkAppId) return Error(action, "InvalidParameterValue.SdkAppIdNotExist", "SmsSdkAppId does not exist");
        return action switch
        {
            "SendSms" => await FaultOutcome.RunAsync(faults, journal, Channel, action, code => Error(action, code, "injected", record: false), () => Task.FromResult(Send(json))),
            "PullSmsSendStatus" => await FaultOutcome.RunAsync(faults, journal, Channel, action, code => Error(action, code, "injected", record: false), () => Task.FromResult(Pull(json))),
            _ => Error(action, "InvalidAction", $"unknown action {action}"),
        };
    }

    IResult Send(JsonObject json)
    {
        var phones = (json["PhoneNumberSet"] as JsonArray)?.Select(p => p?.ToString() ?? "").ToList() ?? [];
        if (phones.Count == 0) return Error("SendSms", "MissingParameter.EmptyPhoneNumberSet", "PhoneNumberSet is empty");
        if (phones.Count > 200) return Error("SendSms", "LimitExceeded.PhoneNumberCountLimit", "more than 200 numbers");
        if (string.IsNullOrEmpty(json["SignName"]?.ToString()) || string.IsNullOrEmpty(json["TemplateId"]?.ToString()))
            return Error("SendSms", "MissingParameter", "SignName and TemplateId are required");
        var session = json["SessionContext"]?.ToString() ?? "";
        var set = new JsonArray();
        var serials = new List<string>();
        foreach (var raw in phones)
        {
            var m = Mobile().Match(raw);
            if (!m.Success)
            {
                set.Add(new JsonObject { ["SerialNo"] = "", ["PhoneNumber"] = raw, ["Fee"] = 0, ["SessionContext"] = session,
                    ["Code"] = "InvalidParameterValue.IncorrectPhoneNumber", ["Message"] = "incorrect phone number", ["IsoCode"] = "DEF" });
                continue;
            }

            var phone = "+86" + m.Groups[1].Value;
            var serialNo = $"2640:{Interlocked.Increment(ref serial)}";
            serials.Add(serialNo);
            pending.Enqueue(new Pending(serialNo, phone, session, Interlocked.Read(ref pulls)));
            set.Add(new JsonObject { ["SerialNo"] = serialNo, ["PhoneNumber"] = phone, ["Fee"] = 1, ["SessionContext"] = session,
                ["Code"] = "Ok", ["Message"] = "send success", ["IsoCode"] = "CN" });
        }

        journal.Add(Channel, "SendSms", "ok", string.Join(',', serials), new
        {
            phones, sessionContext = session, templateParams = (json["TemplateParamSet"] as JsonArray)?.Select(p => p?.ToString()).ToArray(),
        });
        return Response(new JsonObject { ["SendStatusSet"] = set });
    }

    IResult Pull(JsonObject json)
    {
        var limit = Math.Clamp(json["Limit"]?.GetValue<int>() ?? 100, 1, 100);
        var now = Interlocked.Increment(ref pulls);
        var set = new JsonArray();
        var keep = new List<Pending>();
        while (pending.TryDequeue(out var p))
        {
            if (set.Count < limit && now - p.SentAtPull >= options.Value.SmsReceiptPullsBeforeDelivered)
            {
                set.Add(new JsonObject
                {
                    ["UserReceiveTime"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["CountryCode"] = "86", ["SubscriberNumber"] = p.Phone[3..],
                    ["PhoneNumber"] = p.Phone, ["SerialNo"] = p.SerialNo, ["ReportStatus"] = "SUCCESS", ["Description"] = "用户接收成功", ["SessionContext"] = p.SessionContext,
                });
            }
            else
            {
                keep.Add(p);
            }
        }

        foreach (var p in keep) pending.Enqueue(p);
        journal.Add(Channel, "PullSmsSendStatus", "ok", null, new { receipts = set.Count });
        return Response(new JsonObject { ["PullSmsSendStatusSet"] = set });
    }

    IResult Error(string action, string code, string message, bool record = true)
    {
        if (record) journal.Add(Channel, action.Length == 0 ? "?" : action, code, null, null);
        return Response(new JsonObject { ["Error"] = new JsonObject { ["Code"] = code, ["Message"] = message } });
    }

    static IResult Response(JsonObject response)
    {
        response["RequestId"] = Guid.NewGuid().ToString();
        return Results.Json(new JsonObject { ["Response"] = response });
    }
}
