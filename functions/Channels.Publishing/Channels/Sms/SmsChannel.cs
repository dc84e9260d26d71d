using Channels.Publishing.Items;
using Channels.Publishing.Statistics;

namespace Channels.Publishing.Channels.Sms;

/// <summary>SMS (短信, Tencent Cloud): one message per item to its audience, paced by quiet hours; units = delivered receipts.</summary>
public static class SmsChannel
{
    public static readonly ChannelDescriptor Descriptor = new(ChannelNames.Sms, "短信")
    {
        Paced = true,
        Metrics = [new(Metrics.Message, "条数", "条", "送达人次")],
        Validate = (p, item, _) => ItemValidator.CheckSms(p, item.Sms),
    };
}
