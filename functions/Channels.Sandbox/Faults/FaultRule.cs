using System.Text.Json.Serialization;

namespace Channels.Sandbox.Faults;

/// <summary>The kinds of injectable faults.</summary>
internal static class FaultKinds
{
    /// <summary>Answer with the platform error <see cref="FaultRule.Code"/> in the channel's error envelope.</summary>
    public const string Error = "error";

    /// <summary>HTTP 500 with no platform body.</summary>
    public const string Http500 = "http500";

    /// <summary>Wait DelayMs (default 30 s), then HTTP 504; nothing happens on the platform.</summary>
    public const string Timeout = "timeout";

    /// <summary>Perform the call's effect, then lose the response (502, or abort the connection).</summary>
    public const string DropAfterCommit = "drop-after-commit";

    /// <summary>Wait DelayMs (default 2 s), then answer normally.</summary>
    public const string Slow = "slow";

    /// <summary>
    /// The platform says the credential is stale: WeChat 42001 (and every token issued so far expires, so the client
    /// must fetch a new stable token), Tencent AuthFailure.SignatureExpire (a re-signed request passes), Weibo 21327
    /// (only a person can renew it: the channel is held for an admin).
    /// </summary>
    public const string ExpiredToken = "expired-token";

    /// <summary>A quota or rate limit: WeChat 45011/45009, Weibo 10023/10024, Tencent LimitExceeded.*/RequestLimitExceeded.</summary>
    public const string Quota = "quota";

    /// <summary>SMS only: SendSms answers 200 but some numbers of the batch are refused with a per-number code.</summary>
    public const string Partial = "partial";

    public static readonly IReadOnlyList<string> All = [Error, Http500, Timeout, DropAfterCommit, Slow, ExpiredToken, Quota, Partial];

    /// <summary>Whether a kind means anything on this channel's api (partial: SendSms only; no expired token on the token call itself).</summary>
    public static bool AppliesTo(string kind, string channel, string api) => kind switch
    {
        Partial => channel == Infrastructure.ChannelNames.Sms && string.Equals(api, "SendSms", StringComparison.Ordinal),
        ExpiredToken when channel == Infrastructure.ChannelNames.WeChat => api is not ("stable_token" or "token"),
        _ => true,
    };

    /// <summary>The code a kind answers with when the rule names none.</summary>
    public static string? DefaultCode(string kind, string channel) => (kind, channel) switch
    {
        (ExpiredToken, Infrastructure.ChannelNames.WeChat) => "42001",
        (ExpiredToken, Infrastructure.ChannelNames.Weibo) => "21327",
        (ExpiredToken, _) => "AuthFailure.SignatureExpire",
        (Quota, Infrastructure.ChannelNames.WeChat) => "45011",
        (Quota, Infrastructure.ChannelNames.Weibo) => "10023",
        (Quota, _) => "LimitExceeded.DeliveryFrequencyLimit",
        (Partial, _) => "LimitExceeded.PhoneNumberDailyLimit",
        _ => null,
    };

    /// <summary>Null when <paramref name="code"/> is one this kind may answer with on the channel, else why not.</summary>
    public static string? CheckCode(string kind, string channel, string code) => (kind, channel) switch
    {
        (ExpiredToken, Infrastructure.ChannelNames.WeChat) when code is not ("42001" or "40001" or "40014") =>
            "a wechat expired-token code is 42001, 40001 or 40014",
        (ExpiredToken, Infrastructure.ChannelNames.Weibo) when code is not ("21327" or "21315" or "21332") =>
            "a weibo expired-token code is 21327, 21315 or 21332",
        (ExpiredToken, Infrastructure.ChannelNames.Sms) when !code.StartsWith("AuthFailure.", StringComparison.Ordinal) =>
            "an sms expired-token code is an AuthFailure.* code",
        (Quota, Infrastructure.ChannelNames.WeChat) when code is not ("45009" or "45011") => "a wechat quota code is 45009 (daily) or 45011 (per minute)",
        (Quota, Infrastructure.ChannelNames.Weibo) when code is not ("10022" or "10023" or "10024" or "20016") =>
            "a weibo quota code is 10022, 10023, 10024 or 20016",
        (Quota or Partial, Infrastructure.ChannelNames.Sms) when !(code.StartsWith("LimitExceeded.", StringComparison.Ordinal)
            || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal))
            => "an sms quota or partial code is LimitExceeded.* or RequestLimitExceeded*",
        _ => null,
    };
}

/// <summary>
/// An active fault: applies to the next <see cref="Remaining"/> calls matching channel and api ("*" = any), or,
/// with <see cref="Rate"/>, to each matching call with that probability (and at most Remaining times if both).
/// </summary>
internal sealed record FaultRule
{
    [JsonPropertyName("id")] public int Id { get; init; }
    [JsonPropertyName("channel")] public required string Channel { get; init; }
    [JsonPropertyName("api")] public required string Api { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("count")] public int? Count { get; init; }
    [JsonPropertyName("rate")] public double? Rate { get; init; }
    [JsonPropertyName("delayMs")] public int? DelayMs { get; init; }

    /// <summary>For drop-after-commit: abort the connection instead of answering 502.</summary>
    [JsonPropertyName("abort")] public bool Abort { get; init; }

    /// <summary>How many more calls a counted rule applies to (null = unlimited, for rate rules).</summary>
    [JsonPropertyName("remaining")] public int? Remaining { get; set; }

    [JsonPropertyName("hits")] public int Hits { get; set; }

    [JsonIgnore] public bool Exhausted => Remaining is <= 0;

    public bool Matches(string channel, string api) =>
        Channel == channel && (Api == "*" || string.Equals(Api, api, StringComparison.OrdinalIgnoreCase)) && FaultKinds.AppliesTo(Kind, channel, api);

    public TimeSpan Delay(int defaultMs) => TimeSpan.FromMilliseconds(DelayMs ?? defaultMs);
}
