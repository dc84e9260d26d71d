using System.Globalization;
using System.Text.Json;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Faults;

/// <summary>
/// Body of POST /sandbox/faults: {channel, api, kind, code?, message?, count? | rate?, delayMs?, abort?}.
/// Without count and rate the fault applies once.
/// </summary>
internal sealed class FaultSpec
{
    public string? Channel { get; set; }
    public string? Api { get; set; }
    public string? Kind { get; set; }
    public JsonElement? Code { get; set; }
    public string? Message { get; set; }
    public int? Count { get; set; }
    public double? Rate { get; set; }
    public int? DelayMs { get; set; }
    public bool Abort { get; set; }

    /// <summary>With <see cref="Rate"/> and no <see cref="Kind"/>: the kinds to switch on (default: all).</summary>
    public List<string>? Kinds { get; set; }

    /// <summary>With <see cref="Rate"/> and no <see cref="Channel"/>: the channels (default: all).</summary>
    public List<string>? Channels { get; set; }

    /// <summary>
    /// {"rate": r, "kinds"?, "channels"?} without a kind: every kind on every channel, so that a call meets some
    /// fault with probability about r (each of the k kinds at r/k). Error faults answer the channel's transient
    /// "system busy" code; timeouts and slow answers wait 2 s unless delayMs says otherwise.
    /// </summary>
    public bool IsWideSwitch => Kind is null && Rate is not null;

    public (IReadOnlyList<FaultRule> Rules, string? Error) ToRules()
    {
        if (!IsWideSwitch)
        {
            var (rule, error) = ToRule();
            return rule is null ? ([], error) : ([rule], null);
        }

        var named = Channels is { Count: > 0 };
        var channels = named ? Channels! : [ChannelNames.WeChat, ChannelNames.Weibo, ChannelNames.Sms];
        var rules = new List<FaultRule>();
        foreach (var channel in channels)
        {
            var kinds = (Kinds is { Count: > 0 } k ? k : [.. FaultKinds.All]).Where(kind => WideKindApplies(kind, channel, named)).ToList();
            foreach (var kind in kinds)
            {
                var spec = new FaultSpec
                {
                    Channel = channel, Api = kind == FaultKinds.Partial ? "SendSms" : Api, Kind = kind, Rate = Rate / kinds.Count,
                    DelayMs = DelayMs ?? (kind is FaultKinds.Timeout or FaultKinds.Slow ? 2000 : null),
                    Code = kind == FaultKinds.Error ? JsonDocument.Parse(TransientCode(channel)).RootElement.Clone() : null,
                };
                var (rule, error) = spec.ToRule();
                if (rule is null) return ([], error);
                rules.Add(rule);
            }
        }

        return (rules, null);
    }

    /// <summary>
    /// Which kinds the wide switch turns on for a channel: partial is SMS-only; a Weibo expired token (21327) holds the
    /// channel until an admin renews it, so it is on only when "channels" names weibo explicitly.
    /// </summary>
    static bool WideKindApplies(string kind, string channel, bool channelsNamed) => kind switch
    {
        FaultKinds.Partial => channel == ChannelNames.Sms,
        FaultKinds.ExpiredToken when channel == ChannelNames.Weibo => channelsNamed,
        _ => true,
    };

    /// <summary>A platform error that means "try again later": WeChat -1 系统繁忙, Weibo 10001 system error, Tencent InternalError.</summary>
    static string TransientCode(string channel) => channel switch
    {
        ChannelNames.WeChat => "-1",
        ChannelNames.Weibo => "\"10001\"",
        _ => "\"InternalError\"",
    };

    /// <summary>The rule this spec describes, or the reason it is invalid.</summary>
    public (FaultRule? Rule, string? Error) ToRule()
    {
        if (!ChannelNames.IsKnown(Channel)) return (null, "channel must be one of wechat, weibo, sms");
        if (Kind is null || !FaultKinds.All.Contains(Kind)) return (null, "kind must be one of " + string.Join(", ", FaultKinds.All));
        var code = CodeText();
        if (Kind == FaultKinds.Error)
        {
            if (string.IsNullOrWhiteSpace(code)) return (null, "kind error needs a code (the platform error code to answer with)");
            if (Channel == ChannelNames.WeChat && !int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                return (null, "a wechat error code is an integer errcode");
        }

        if (Kind is FaultKinds.ExpiredToken or FaultKinds.Quota or FaultKinds.Partial)
        {
            if (Kind == FaultKinds.Partial && Channel != ChannelNames.Sms) return (null,
                "kind partial applies to sms only (a SendSms batch with some numbers refused)");
            if (Kind == FaultKinds.Partial && !string.IsNullOrWhiteSpace(Api) && Api.Trim() is not ("*" or "SendSms")) return (null,
                "kind partial applies to api SendSms only");
            code ??= FaultKinds.DefaultCode(Kind, Channel!);
            if (FaultKinds.CheckCode(Kind, Channel!, code!) is { } wrong) return (null, wrong);
        }

        if (Count is <= 0) return (null, "count must be at least 1");
        if (Rate is < 0 or > 1) return (null, "rate must be between 0 and 1");
        if (DelayMs is < 0) return (null, "delayMs must not be negative");
        var count = Count ?? (Rate is null ? 1 : null);
        return (new FaultRule
        {
            Channel = Channel!, Api = string.IsNullOrWhiteSpace(Api) ? "*" : Api.Trim(), Kind = Kind, Code = code, Message = Message,
            Count = count, Remaining = count, Rate = Rate, DelayMs = DelayMs, Abort = Abort,
        }, null);
    }

    string? CodeText() => Code switch
    {
        { ValueKind: JsonValueKind.String } c => c.GetString(),
        { ValueKind: JsonValueKind.Number } c => c.GetRawText(),
        _ => null,
    };
}
