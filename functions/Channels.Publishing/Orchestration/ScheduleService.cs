using Channels.Publishing.Items;
using Channels.Publishing.Ledger;

namespace Channels.Publishing.Orchestration;

/// <summary>Records an editor's move or cancellation of a scheduled publication (the orchestration has already acted on it).</summary>
public sealed class ScheduleService(PublicationStore publications, TimeProvider time)
{
    public async Task RecordAsync(ScheduleRecord r, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var c = r.Change;
        if (c.Cancel)
        {
            await publications.AppendEventAsync(r.ItemId, new DeliveryEvent(now, PublicationStatus.Cancelled, 0, $"{c.By}取消发布：{c.Reason}"),
                new Dictionary<string, object>
                {
                    [nameof(PublicationRecord.Status)] = PublicationStatus.Cancelled,
                    [nameof(PublicationRecord.CancelledAt)] = now,
                    [nameof(PublicationRecord.CompletedAt)] = now,
                }, ct);
            return;
        }

        var at = c.PublishAt!.Value;
        await publications.AppendEventAsync(r.ItemId, new DeliveryEvent(now, "rescheduled", 0, $"{c.By}将发布时间改为{ChinaTime.Format(at)}" + (c.Reason is { } why
            ? "：" + why : "")),
            new Dictionary<string, object>
            {
                [nameof(PublicationRecord.PublishAt)] = at,
                [nameof(PublicationRecord.Year)] = ChinaTime.YearOf(at),
            }, ct);
    }
}
