using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Channels;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Operations;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// Escalates an emergency publication whose clock reached the warning point or the deadline with channels still
/// undelivered: an alert row (table alerts, shown on the dashboard), an event in the publication's history, and a
/// notice to the duty officers through each registered <see cref="IEscalationNotifier"/> (the SMS channel: its own message, never sent twice).
/// </summary>
public sealed class EscalationService(
    ChannelsStorage storage, PublicationStore publications, DeliveryLedger ledger, IEnumerable<IEscalationNotifier> notifiers,
    IOptions<EscalationOptions> options, ChannelCatalog channels, ILogger<EscalationService> logger)
{
    public async Task EscalateAsync(Escalation e, CancellationToken ct = default)
    {
        var record = await publications.GetArchivedAsync(e.ItemId, ct);
        var rows = (await ledger.ForItemAsync(e.ItemId, ct)).ToDictionary(r => r.Channel, r => r.State, StringComparer.Ordinal);
        var waiting = record.Item.Channels.Where(c => rows.GetValueOrDefault(c) != DeliveryState.Delivered).ToList();
        if (waiting.Count == 0) return;

        var names = string.Join("、", waiting.Select(channels.Label));
        var incident = ChinaTime.Format(e.IncidentAt);
        // What the duty officer must know comes first: the SMS to them is cut to the template variable's length.
        var message = e.Kind == EmergencyClock.Breach
            ? $"紧急信息已超过发布时限，{names}仍未送达，请立即处置：“{record.Item.Title}”（事件发生于{incident}，时限{ChinaTime.Format(e.DeadlineAt)}）"
            : $"紧急信息距发布时限不足{Math.Round((e.DeadlineAt - e.At).TotalMinutes).ToString(CultureInfo.InvariantCulture)}分钟，" +
                $"{names}尚未送达，请立即处置：“{record.Item.Title}”（时限{ChinaTime.Format(e.DeadlineAt)}）";
        try
        {
            await storage.Alerts.AddEntityAsync(new TableEntity(ChinaTime.YearOf(e.IncidentAt).ToString(CultureInfo.InvariantCulture), $"{e.ItemId}|{e.Kind}")
            {
                ["ItemId"] = e.ItemId, ["Kind"] = e.Kind, ["Title"] = record.Item.Title, ["Message"] = message, ["At"] = e.At,
                ["DeadlineAt"] = e.DeadlineAt, ["Waiting"] = string.Join(',', waiting),
            }, ct);
        }
        catch (RequestFailedException x) when (x.Status == 409)
        {
            // Recorded by an earlier attempt of this activity.
        }

        await publications.AppendEventAsync(e.ItemId, new DeliveryEvent(e.At, "escalated-" + e.Kind, 0, message), null, ct);
        logger.LogWarning("Emergency item {ItemId}: {Kind} escalation, waiting on {Channels}", e.ItemId, e.Kind, string.Join(',', waiting));
        if (e.Kind == EmergencyClock.Breach) logger.LogEmergencyClockBreached(e.ItemId, e.DeadlineAt, string.Join(',', waiting));
        await NotifyDutyOfficersAsync(record.Item, e.Kind, message, ct);
    }

    async Task NotifyDutyOfficersAsync(PublicationItem item, string kind, string message, CancellationToken ct)
    {
        var officers = options.Value.DutyOfficers;
        if (officers.Count == 0) return;
        foreach (var notifier in notifiers) await notifier.NotifyAsync(item, kind, officers, message, ct);
    }
}
