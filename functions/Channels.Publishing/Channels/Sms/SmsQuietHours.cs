using Channels.Publishing.Items;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// Ordinary SMS are not sent at night: outside SendFromHour–SendUntilHour in China Standard Time (08:00–22:00 by
/// default) an item waits until the next SendFromHour. Emergency items go at once, at any hour.
/// </summary>
public sealed class SmsQuietHours(IOptions<SmsOptions> options, TimeProvider time) : IChannelPacer
{
    public string Channel => ChannelNames.Sms;

    public Task<DateTimeOffset?> NotBeforeAsync(PublicationItem item, CancellationToken ct) =>
        Task.FromResult(item.IsEmergency ? null : NextSendTime(ChinaTime.ToChina(time.GetUtcNow())));

    DateTimeOffset? NextSendTime(DateTimeOffset china)
    {
        var from = options.Value.SendFromHour;
        var until = options.Value.SendUntilHour;
        if (china.Hour >= from && china.Hour < until) return null;
        var day = new DateTimeOffset(china.Year, china.Month, china.Day, 0, 0, 0, ChinaTime.Offset);
        return (china.Hour < from ? day : day.AddDays(1)).AddHours(from);
    }
}
