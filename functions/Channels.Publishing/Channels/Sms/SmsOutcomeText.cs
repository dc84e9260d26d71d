using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// What the channel admin reads on an SMS ledger row (zh-CN): batches reconciled instead of re-sent, numbers the
/// platform refused (masked, with the reason — never re-sent) and batches whose outcome is unknown.
/// </summary>
internal static class SmsOutcomeText
{
    const int MaxListed = 20;

    public static IReadOnlyDictionary<string, string> Failures(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json, ChannelsJson.Options)
            ?? [];

    public static string? Problems(IReadOnlyDictionary<string, string> refused, int unknown, int reconciled, DateTimeOffset? recheckAt = null)
    {
        var parts = new List<string>();
        if (reconciled > 0) parts.Add($"{reconciled}个批次的发送应答丢失，已按平台发送记录核对，未重发");
        if (refused.Count > 0)
        {
            var listed = refused.OrderBy(r => r.Key, StringComparer.Ordinal).Take(MaxListed).Select(r => $"{r.Key}（{Reason(r.Value)}）");
            var more = refused.Count > MaxListed ? $"等{refused.Count}个" : "";
            parts.Add($"{refused.Count}个号码被平台拒收或平台无其发送记录，未重发：{string.Join("、", listed)}{more}");
        }

        if (unknown > 0)
        {
            var until = recheckAt is { } at ? $"；至{ChinaTime.Format(at)}仍无记录即补发" : "";
            parts.Add($"{unknown}个号码所在批次的发送应答丢失，平台暂无其发送记录，待核对，暂未重发{until}");
        }

        return parts.Count == 0 ? null : string.Join("；", parts);
    }

    /// <summary>A per-number code in words (contract reference §3.5); the code itself stays for the record.</summary>
    static string Reason(string code) => code switch
    {
        "LimitExceeded.PhoneNumberDailyLimit" => "该号码当日接收条数已达上限 " + code,
        "LimitExceeded.PhoneNumberOneHourLimit" => "该号码一小时内接收条数已达上限 " + code,
        "LimitExceeded.PhoneNumberThirtySecondLimit" => "该号码30秒内接收条数已达上限 " + code,
        "LimitExceeded.PhoneNumberSameContentDailyLimit" => "该号码当日已收到相同内容 " + code,
        "FailedOperation.PhoneNumberInBlacklist" => "号码已退订或在黑名单中 " + code,
        "InvalidParameterValue.IncorrectPhoneNumber" => "号码格式错误 " + code,
        "NotFoundOnReconcile" => "平台查无发送记录",
        _ => code,
    };
}
