using System.Globalization;
using Channels.Sandbox.Infrastructure;
using Channels.Sandbox.Sms;
using Channels.Sandbox.WeChat;
using Channels.Sandbox.Weibo;

namespace Channels.Sandbox.Faults;

/// <summary>The answer to an injected "error" fault: the rule's code in the channel's own error envelope.</summary>
internal static class FaultErrorEnvelope
{
    public static ApiResult Build(ApiCall call, FaultRule rule)
    {
        var code = rule.Code ?? "-1";
        return call.Channel switch
        {
            ChannelNames.WeChat => WeChatErrorFor(code, rule.Message),
            ChannelNames.Weibo => WeiboResults.Error(call, code, rule.Message ?? WeiboResults.DefaultMessage(code)),
            _ => SmsResults.Error(code, rule.Message ?? SmsResults.DefaultMessage(code)),
        };
    }

    static ApiResult WeChatErrorFor(string code, string? message)
    {
        var errcode = int.Parse(code, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return WeChatResults.Error(errcode, message ?? WeChatResults.DefaultMessage(errcode));
    }
}
