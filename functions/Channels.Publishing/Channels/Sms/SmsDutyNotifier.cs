using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// The duty officers' escalation SMS: sent through the SMS channel as its own message (id "{item}.esc-{kind}"), so a
/// retried escalation finds the earlier batch and never sends twice. Its ledger row is not kept (it is no publication).
/// </summary>
public sealed class SmsDutyNotifier(SmsPublisher sms) : IEscalationNotifier
{
    public async Task NotifyAsync(PublicationItem item, string kind, IReadOnlyList<string> recipients, string message, CancellationToken ct)
    {
        var plain = message.Replace('【', '[').Replace('】', ']');
        var text = plain.Length > 300 ? plain[..299] + "…" : plain;
        var alert = item with { Id = $"{item.Id}.esc-{kind}", Sms = new SmsRequest { Audience = [.. recipients], Text = text } };
        var scratch = new DeliveryEntry { PartitionKey = alert.Id, RowKey = ChannelNames.Sms };
        await sms.SendAsync(new DeliveryJob(alert, scratch, _ => Task.CompletedTask), ct);
    }
}
