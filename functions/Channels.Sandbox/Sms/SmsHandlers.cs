using System.Text.Json;
using System.Text.Json.Nodes;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Sms;

/// <summary>
/// The one Tencent Cloud SMS endpoint (API 3.0, version 2021-01-11): X-TC-Action SendSms, PullSmsSendStatus or
/// PullSmsSendStatusByPhoneNumber.
/// Checks in order: signature (AuthFailure.*), version (NoSuchVersion), action (InvalidAction), region
/// (MissingParameter), JSON body (FailedOperation.JsonParseFail), then the action's own rules.
/// </summary>
internal sealed class SmsHandlers(TencentAuthenticator authenticator, SmsStore store, SandboxOptions options, TimeProvider clock)
{
    public const string SendSms = "SendSms";
    public const string PullSmsSendStatus = "PullSmsSendStatus";
    public const string PullByPhoneNumber = "PullSmsSendStatusByPhoneNumber";
    const string Version = "2021-01-11";
    const int MaxNumbers = 200;
    const int MaxPull = 100;

    public async Task<ApiResult> HandleAsync(ApiCall call)
    {
        var bytes = await call.ReadBodyBytesAsync();
        var body = Parse(bytes);
        Describe(call, body);
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (authenticator.Verify(call.Http.Request, bytes) is { } refused) return SmsResults.Error(refused.Code, refused.Message);
        var headers = call.Http.Request.Headers;
        var version = headers["X-TC-Version"].ToString();
        if (version.Length == 0) return SmsResults.Missing("Version");
        if (version != Version) return SmsResults.Error("NoSuchVersion", $"The requested version `{version}` of service `sms` does not exist.");
        if (call.Api is not (SendSms or PullSmsSendStatus or PullByPhoneNumber or SmsReplyStore.Action)) return SmsResults.Error("InvalidAction",
            $"The requested action `{call.Api}` does not exist.");
        if (headers["X-TC-Region"].ToString().Length == 0) return SmsResults.Missing("Region");
        if (body is null) return SmsResults.Error("FailedOperation.JsonParseFail", "解析请求包体时候失败。");
        if (JsonFields.Str(body, "SmsSdkAppId") is not { } appId) return SmsResults.Missing("SmsSdkAppId");
        if (appId != options.SmsSdkAppId) return SmsResults.Error("InvalidParameterValue.SdkAppIdNotExist", "SdkAppId不存在。");
        return call.Api switch
        {
            SendSms => Send(call, body),
            PullSmsSendStatus => Pull(call, body),
            SmsReplyStore.Action => call.Http.RequestServices.GetRequiredService<SmsReplyStore>().Handle(call, body),
            _ => PullByPhone(call, body),
        };
    }

    ApiResult Send(ApiCall call, JsonObject body)
    {
        if (JsonFields.Str(body, "TemplateId") is null or "") return SmsResults.Missing("TemplateId");
        if (JsonFields.Str(body, "SignName") is null or "") return SmsResults.Missing("SignName");
        var numbers = JsonFields.Arr(body, "PhoneNumberSet");
        if (numbers is null || numbers.Count == 0)
            return SmsResults.Error("MissingParameter.EmptyPhoneNumberSet", "传入的号码列表为空，请确认您的参数中是否传入号码。");
        if (numbers.Count > MaxNumbers)
            return SmsResults.Error("LimitExceeded.PhoneNumberCountLimit", "调用接口单次提交的手机号个数超过200个，请遵守腾讯云短信 API 接口输入参数 PhoneNumberSet 描述。");

        var templateParams = JsonFields.Arr(body, "TemplateParamSet")?.Select(JsonFields.Text).ToList() ?? [];
        if (SmsTemplates.Check(JsonFields.Str(body, "TemplateId")!, templateParams, JsonFields.Str(body, "SignName")!, out var text) is { } refusal)
            return SmsResults.Error(refusal.Code, refusal.Message);
        var fee = SmsTemplates.Fee(text);
        var session = JsonFields.Str(body, "SessionContext") ?? "";
        var statuses = new List<object>();
        var serials = new List<string>();
        var partial = call.PassingFault is { Kind: Faults.FaultKinds.Partial } rule ? rule : null;
        for (var i = 0; i < numbers.Count; i++)
        {
            var raw = JsonFields.Text(numbers[i]) ?? "";
            if (PhoneNumbers.Normalize(raw) is not { } phone)
            {
                statuses.Add(new { SerialNo = "", PhoneNumber = raw, Fee = 0, SessionContext = session,
                    Code = "InvalidParameterValue.IncorrectPhoneNumber", Message = "incorrect number format", IsoCode = "DEF" });
                continue;
            }

            // An injected partial failure refuses every second number (the only one of a one-number batch): not sent, no receipt.
            if (partial is not null && (i % 2 == 1 || numbers.Count == 1))
            {
                var code = partial.Code ?? "LimitExceeded.PhoneNumberDailyLimit";
                statuses.Add(new { SerialNo = "", PhoneNumber = phone, Fee = 0, SessionContext = session, Code = code, Message = partial.Message
                    ?? SmsResults.DefaultMessage(code), IsoCode = "CN" });
                continue;
            }

            var serialNo = store.RecordSent(phone, session, SmsCarriers.IsSilent(phone, options.SmsSilentPercent), SmsCarriers.Fails(phone,
                options.SmsFailPercent));
            serials.Add(serialNo);
            statuses.Add(new { SerialNo = serialNo, PhoneNumber = phone, Fee = fee, SessionContext = session, Code = "Ok", Message = "send success",
                IsoCode = "CN" });
        }

        call.PlatformId = serials.Count == 0 ? null : string.Join(',', serials);
        call.Detail["statuses"] = statuses;
        return SmsResults.Ok("SendStatusSet", statuses);
    }

    ApiResult Pull(ApiCall call, JsonObject body)
    {
        if (JsonFields.Long(body, "Limit") is not { } limit) return SmsResults.Missing("Limit");
        if (limit < 1) return SmsResults.Error("InvalidParameterValue", "Limit must be at least 1.");
        var receipts = store.Pull((int)Math.Min(limit, MaxPull));
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var set = receipts.Select(r => new
        {
            UserReceiveTime = now, CountryCode = "86", SubscriberNumber = r.PhoneNumber[3..], PhoneNumber = r.PhoneNumber, SerialNo = r.SerialNo,
            ReportStatus = r.Failed ? "FAIL" : "SUCCESS", Description = r.Failed ? "用户接收失败" : "用户接收成功", SessionContext = Pulled(r.SessionContext),
        }).ToList();
        call.Detail["serialNos"] = receipts.Select(r => r.SerialNo).ToList();
        return SmsResults.Ok("PullSmsSendStatusSet", set);
    }

    /// <summary>SessionContext in a pulled status: empty unless enabled for the account (SDK model PullSmsSendStatus.SessionContext: 默认为空).</summary>
    string Pulled(string session) => options.SmsSessionContextInPulls ? session : "";

    /// <summary>
    /// The status of messages sent to one number since BeginTime (unix s; EndTime optional), Limit ≤100, oldest first;
    /// Offset is ignored — always the first page (SDK model PullSmsSendStatusByPhoneNumberRequest.Offset: 目前固定设置为0);
    /// at most 7 days back (PullSmsSendStatusByPhoneNumberRequest.BeginTime: 最大可拉取当前时期前7天的数据). Our
    /// choice: a reported message is listed at once (SUCCESS), nothing is consumed; a number whose carrier never
    /// reports has no status here (ReportStatus: 仅当运营商有返回短信接收状态时…).
    /// </summary>
    ApiResult PullByPhone(ApiCall call, JsonObject body)
    {
        if (JsonFields.Long(body, "BeginTime") is not { } begin) return SmsResults.Missing("BeginTime");
        if (JsonFields.Str(body, "PhoneNumber") is not { } raw) return SmsResults.Missing("PhoneNumber");
        if (PhoneNumbers.Normalize(raw) is not { } phone) return SmsResults.Error("InvalidParameterValue.IncorrectPhoneNumber", "手机号格式错误。");
        if (JsonFields.Long(body, "Limit") is not { } limit || limit < 1) return SmsResults.Missing("Limit");
        var found = store.SentTo(phone, begin, JsonFields.Long(body, "EndTime"), offset: 0, (int)Math.Min(limit, MaxPull));
        var set = found.Select(m => new
        {
            UserReceiveTime = m.SentAt, CountryCode = "86", SubscriberNumber = m.PhoneNumber[3..], PhoneNumber = m.PhoneNumber, SerialNo = m.SerialNo,
            ReportStatus = m.Failed ? "FAIL" : "SUCCESS", Description = m.Failed ? "用户接收失败" : "用户接收成功", SessionContext = Pulled(m.SessionContext),
        }).ToList();
        call.Detail["serialNos"] = found.Select(m => m.SerialNo).ToList();
        return SmsResults.Ok("PullSmsSendStatusSet", set);
    }

    static JsonObject? Parse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Journal detail: normalised numbers (raw when invalid), SessionContext and template fields.</summary>
    static void Describe(ApiCall call, JsonObject? body)
    {
        if (call.Api == PullByPhoneNumber)
        {
            call.Detail["phoneNumber"] = JsonFields.Str(body, "PhoneNumber") is { } raw ? PhoneNumbers.Normalize(raw) ?? raw : null;
            call.Detail["beginTime"] = JsonFields.Long(body, "BeginTime");
            return;
        }

        if (call.Api == PullSmsSendStatus)
        {
            call.Detail["limit"] = JsonFields.Long(body, "Limit");
            return;
        }

        call.Detail["phoneNumbers"] = JsonFields.Arr(body, "PhoneNumberSet")?.Select(n => JsonFields.Text(n) is { } raw ? PhoneNumbers.Normalize(raw) ?? raw
            : null).ToList();
        call.Detail["sessionContext"] = JsonFields.Str(body, "SessionContext");
        call.Detail["templateId"] = JsonFields.Str(body, "TemplateId");
        call.Detail["templateParams"] = JsonFields.Arr(body, "TemplateParamSet")?.Select(JsonFields.Text).ToList();
        call.Detail["signName"] = JsonFields.Str(body, "SignName");
        call.Detail["smsSdkAppId"] = JsonFields.Str(body, "SmsSdkAppId");
    }
}
