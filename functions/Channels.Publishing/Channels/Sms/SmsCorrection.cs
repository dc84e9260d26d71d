using Channels.Publishing.Items;
using Channels.Publishing.Ledger;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// SMS cannot be recalled. When the admin writes a correction, it goes to the same audience as a message of its own
/// (item id + ".corr", so its batches have their own intent rows and a retry never sends it twice); it is not
/// counted as a disclosure message. Without a correction the SMS channel stays delivered, with a note.
/// </summary>
public sealed class SmsCorrection(SmsPublisher sms) : IChannelRetractor
{
    public const string Suffix = ".corr";

    public string Channel => ChannelNames.Sms;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        var entry = job.Delivery.Entry;
        if (string.IsNullOrWhiteSpace(job.SmsCorrection))
        {
            return new RetractStep(entry.State, "短信无法撤回；未发送更正短信");
        }

        var item = job.Delivery.Item;
        var correction = item with { Id = item.Id + Suffix, Sms = item.Sms! with { Text = job.SmsCorrection.Trim() } };
        var scratch = new DeliveryEntry { PartitionKey = correction.Id, RowKey = Channel };
        var step = await sms.SendAsync(new DeliveryJob(correction, scratch, _ => Task.CompletedTask), ct);
        if (step.State == DeliveryState.Failed) throw new PermanentChannelException($"更正短信发送失败：{step.Error}");
        return new RetractStep(DeliveryState.CorrectionSent, $"短信无法撤回，已向原接收人发送更正短信（受理 {scratch.PlatformId}）");
    }
}
