using Channels.Publishing.Items;
using Channels.Publishing.Ledger;

namespace Channels.Publishing.Api;

/// <summary>The JSON views of publications: one line of the list, and the full record with its history.</summary>
public static class PublicationViews
{
    public static ChannelView Channel(string channel, DeliveryEntry? r) => r is null
        ? new ChannelView(channel, "pending", null, null, null, 0, null, null, null, null, false)
        : new ChannelView(channel, r.State, r.Url, r.PlatformId, r.Error, r.Attempts, r.IntentAt, r.AcceptedAt, r.FinishedAt, r.NotBefore,
            DeliveryState.IsRetryable(r.State), Channels.Sms.SmsDeliverySummary.ViewOf(r));

    /// <summary>The publication's own milestones and every channel's transitions, oldest first.</summary>
    public static IReadOnlyList<HistoryView> History(PublicationRecord record, IEnumerable<DeliveryEntry> rows)
    {
        var events = new List<HistoryView> { new(record.SubmittedAt, null, PublicationStatus.Accepted, "已受理（审核、审批记录齐全）", null) };
        if (record.ScheduledAt is { } s) events.Add(new(s, null, PublicationStatus.Scheduled, "定时发布：" + ChinaTime.Format(record.PublishAt), null));
        if (record.PublishingAt is { } p) events.Add(new(p, null, PublicationStatus.Publishing, "开始发布", null));
        if (record.RetractingAt is { } rt) events.Add(new(rt, null, PublicationStatus.Retracting, $"撤回（{record.RetractedBy}）：{record.RetractReason}", null));
        if (record.RetractedAt is { } rd) events.Add(new(rd, null, PublicationStatus.Retracted, "撤回完成", null));
        events.AddRange(PublicationStore.EventsOf(record).Select(e => new HistoryView(e.At, null, e.State, e.Note, null)));
        foreach (var row in rows)
        {
            events.AddRange(DeliveryHistory.Read(row).Select(e => new HistoryView(e.At, row.Channel, e.State, e.Note, e.Attempts)));
        }

        return events.OrderBy(e => e.At).ToList();
    }

    /// <summary>The item as the API shows it: SMS recipients masked (138****0001), never in clear.</summary>
    public static PublicationItem Masked(PublicationItem item) => item.Sms is null ? item : item with
    {
        Sms = item.Sms with { Audience = item.Sms.Audience.Select(a => PhoneNumbers.Normalise(a) is { } e164 ? PhoneNumbers.Mask(e164) : "***").ToList() },
    };

    public static PublicationListItem ListItem(PublicationRecord r, IReadOnlyDictionary<string, string>? live = null)
    {
        var states = live ?? r.ChannelStateMap;
        var fallback = r.Status == PublicationStatus.Scheduled ? "scheduled" : "pending";
        return new PublicationListItem(r.Id, r.Title, r.Status, r.Priority, r.PublishAt, r.SubmittedAt, r.CompletedAt, r.ColumnList,
            r.ChannelList.Select(c => new ChannelStateView(c, states.GetValueOrDefault(c, fallback))).ToList());
    }
}

public sealed record ChannelView(
    string Channel, string State, string? Url, string? PlatformId, string? Error, int Attempts,
    DateTimeOffset? IntentAt, DateTimeOffset? AcceptedAt, DateTimeOffset? FinishedAt, DateTimeOffset? NotBefore, bool Retryable,
    Channels.Sms.SmsDeliveryView? Sms = null);

public sealed record HistoryView(DateTimeOffset At, string? Channel, string State, string? Note, int? Attempts);

public sealed record PublicationView(
    string Id, string Title, string Status, string Priority, DateTimeOffset PublishAt, int Year, string ContentHash,
    DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt, IReadOnlyList<string> Columns, string? RetractReason,
    IReadOnlyList<ChannelView> Channels, IReadOnlyList<HistoryView> History, PublicationItem Item);

public sealed record ChannelStateView(string Channel, string State);

public sealed record PublicationListItem(
    string Id, string Title, string Status, string Priority, DateTimeOffset PublishAt, DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<string> Columns, IReadOnlyList<ChannelStateView> Channels);

public sealed record PublicationPage(int Total, int Offset, int Limit, IReadOnlyList<PublicationListItem> Items);
