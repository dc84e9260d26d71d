using System.Globalization;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Channels.Publishing.Rules;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Monitoring;

/// <summary>
/// Builds the <see cref="RulesReport"/> of a year from the publications table (server-side filtered), the ledger rows
/// of emergency items, and the alerts table; the pure rule engines in <see cref="Rules"/> decide. Cached briefly.
/// </summary>
public sealed class RulesService(
    ChannelsStorage storage, DeliveryLedger ledger, IOptions<EscalationOptions> emergency, IOptions<InterpretationOptions> interpretation, TimeProvider time,
    Columns.ColumnCatalogue? catalogue = null, HolidayCalendar? calendar = null,
    Channels.ChannelCatalog? channels = null)
{
    /// <summary>The region's working days (the national calendar when no regional file is configured).</summary>
    WorkingDays Days => calendar?.Days ?? WorkingDays.China;

    readonly Channels.ChannelCatalog channels = channels ?? Channels.ChannelCatalog.BuiltIn;

    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    static readonly string[] Select =
    [
        "PartitionKey", "RowKey", "Title", "Status", "Priority", "PublishAt", "Year", "Channels", "Columns", "ChannelStates", "IncidentAt", "FormedAt",
        "Interprets", "DocumentCategory", "Imported", "PublicAt", "DeliveredTimes",
    ];

    readonly Dictionary<int, RulesReport> cache = [];

    public async Task<RulesReport> ForYearAsync(int year, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        lock (cache)
        {
            if (cache.TryGetValue(year, out var hit) && now - hit.GeneratedAt < CacheFor) return hit;
        }

        var ofYear = await QueryAsync(TableClient.CreateQueryFilter($"Year eq {year}"), ct);
        var interpretations = await QueryAsync(TableClient.CreateQueryFilter($"Interprets ge {""}"), ct);
        var recent = await QueryAsync(
            TableClient.CreateQueryFilter($"PublishAt ge {now.AddDays(-200)} and PublishAt le {now}"), ct);
        var report = new RulesReport(year, now, await EmergenciesAsync(ofYear, now, ct), Disclosure(ofYear, now), Interpretations(ofYear, interpretations, now),
            Freshness(recent, now, catalogue is null ? Columns.ColumnSet.Default : await catalogue.CurrentAsync(ct)), await AlertsAsync(year, ct));
        lock (cache) cache[year] = report;
        return report;
    }

    async Task<List<PublicationRecord>> QueryAsync(string filter, CancellationToken ct)
    {
        var rows = new List<PublicationRecord>();
        await foreach (var r in storage.Publications.QueryAsync<PublicationRecord>(filter, select: Select, cancellationToken: ct)) rows.Add(r);
        return rows;
    }

    async Task<EmergencySummary> EmergenciesAsync(List<PublicationRecord> ofYear, DateTimeOffset now, CancellationToken ct)
    {
        var clock = emergency.Value.Clock(channels);
        var items = new List<(PublicationRecord Record, EmergencyEvaluation Eval)>();
        foreach (var r in ofYear.Where(r => r.Priority == Priorities.Emergency && r.IncidentAt is not null && r.Status != PublicationStatus.Cancelled))
        {
            var rows = (await ledger.ForItemAsync(r.Id, r.ChannelList, ct)).ToDictionary(e => e.Channel, StringComparer.Ordinal);
            var delivered = r.ChannelList.ToDictionary(c => c, c => rows.GetValueOrDefault(c) is { } e
                && e.State is DeliveryState.Delivered or DeliveryState.Retracted or DeliveryState.CorrectionSent
                ? e.FinishedAt : null, StringComparer.Ordinal);
            items.Add((r, clock.Evaluate(r.IncidentAt!.Value, delivered, now)));
        }

        var perChannel = channels.Names.Select(c =>
        {
            var times = items.SelectMany(i => i.Eval.Channels).Where(x => x.Channel == c && x.TimeToPublish is not null).Select(x =>
                x.TimeToPublish!.Value.TotalMinutes).Order().ToList();
            var breaches = items.SelectMany(i => i.Eval.Channels).Count(x => x.Channel == c && x.Status == EmergencyStatus.Breached);
            return new EmergencyChannelSummary(c, times.Count, times.Count == 0 ? null : Math.Round(times[times.Count / 2], 1), times.Count == 0 ? null
                : Math.Round(times[^1], 1), breaches);
        }).Where(s => s.Published > 0 || s.Breaches > 0).ToList();
        var list = items.OrderByDescending(i => i.Record.IncidentAt)
            .Select(i => new EmergencyItemView(i.Record.Id, i.Record.Title, i.Eval.IncidentAt, i.Eval.Deadline, i.Eval.Breached, i.Eval.Summary)).ToList();
        return new EmergencySummary(items.Count, items.Count(i => i.Eval.Breached), perChannel, list);
    }

    /// <summary>The 20-working-day check against when each item actually went public (<see cref="PublicTime"/>), not its claimed publishAt.</summary>
    DisclosureSummary Disclosure(List<PublicationRecord> ofYear, DateTimeOffset now)
    {
        var checkedItems = ofYear.Where(r => r.FormedAt is not null && r.Status != PublicationStatus.Cancelled)
            .Select(r => (Record: r, Public: PublicTime.Of(r.Imported, r.PublishAt, r.PublicAt ?? (PublicationStatus.IsFinal(r.Status) ? r.PublishAt : null),
                now)))
            .Select(x => (x.Record, x.Public, Result: DisclosureDeadline.Check(x.Record.FormedAt!.Value, x.Public, Days))).ToList();
        var late = checkedItems.Where(c => c.Result.IsLate).OrderByDescending(c => c.Result.WorkingDaysTaken)
            .Select(c => new DisclosureItemView(c.Record.Id, c.Record.Title, c.Record.FormedAt!.Value, c.Public,
                c.Result.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Result.WorkingDaysTaken, c.Result.Reason ?? "")).ToList();
        return new DisclosureSummary(checkedItems.Count, late.Count, late);
    }

    InterpretationSummary Interpretations(List<PublicationRecord> ofYear, List<PublicationRecord> interpretations, DateTimeOffset now)
    {
        var rule = interpretation.Value.ToRule();
        var byPolicy = interpretations.Where(i => i.Status != PublicationStatus.Cancelled).GroupBy(i => i.Interprets!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.PublishAt).ToList(), StringComparer.Ordinal);
        var views = new List<InterpretationView>();
        foreach (var policy in ofYear.Where(r => r.DocumentCategory is not null && r.Status != PublicationStatus.Cancelled).OrderBy(r => r.PublishAt))
        {
            var found = byPolicy.GetValueOrDefault(policy.Id) ?? [];
            var result = InterpretationCheck.Evaluate(policy.PublishAt, found.FirstOrDefault()?.PublishAt, rule, now, Days);
            views.Add(new InterpretationView(policy.Id, policy.Title, found.Select(f => f.Id).ToList(), Status(result.Status),
                result.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.Reason));
        }

        var ruleText = rule.Mode == InterpretationMode.Simultaneous ? "解读材料与政策文件同步发布" : $"政策文件公开后{rule.WorkingDayLimit}个工作日内发布解读";
        return new InterpretationSummary(ruleText, views.Count, views.Count(v => v.Status == "on-time"), views.Count(v => v.Status == "late"),
            views.Count(v => v.Status == "overdue"), views.Count(v => v.Status == "pending"), views);
    }

    static string Status(InterpretationStatus s) => s switch
    {
        InterpretationStatus.OnTime => "on-time",
        InterpretationStatus.Late => "late",
        InterpretationStatus.Overdue => "overdue",
        _ => "pending",
    };

    /// <summary>
    /// Last website posting per active column of the catalogue (under its current or a former name) and last WeChat/Weibo
    /// post, from what went out in the last 200 days. Retired columns are not watched.
    /// </summary>
    IReadOnlyList<FreshnessView> Freshness(List<PublicationRecord> recent, DateTimeOffset now, Columns.ColumnSet columns)
    {
        var last = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var column in columns.Active) last[column.Name] = null;
        var accounts = channels.All.Where(c => c.WatchedAccount).Select(c => c.Name).ToList();
        foreach (var account in accounts) last[account] = null;
        foreach (var r in recent)
        {
            var states = r.ChannelStateMap;
            var times = r.DeliveredTimeMap;
            // When each channel actually delivered (an import: its stated time); rows from before times were kept: publishAt.
            DateTimeOffset At(string channel) => PublicTime.OfChannel(r.Imported, r.PublishAt, times.GetValueOrDefault(channel) is { } t && t != default ? t
                : null)
                ?? r.PublishAt;
            var targets = states.GetValueOrDefault(ChannelNames.Website) == DeliveryState.Delivered ? r.ColumnList.Select(c => (Name: c,
                At: At(ChannelNames.Website))) : [];
            foreach (var (name, at) in targets.Concat(accounts
                .Where(c => states.GetValueOrDefault(c) == DeliveryState.Delivered).Select(c => (Name: c, At: At(c)))))
            {
                var key = columns.Find(name) is { IsActive: true } column ? column.Name : name;
                if (last.TryGetValue(key, out var seen) && (seen is null || seen < at)) last[key] = at;
            }
        }

        return FreshnessRules.Evaluate(last, now, name => columns.FindActive(name)?.FreshnessKind, channels).Select(f => new FreshnessView(f.Name,
            f.Kind.ToString().ToLowerInvariant(), f.LastPublishedAt, f.IdleDays,
            f.LimitDays, f.Status.ToString().ToLowerInvariant(), f.Message)).ToList();
    }

    async Task<IReadOnlyList<AlertView>> AlertsAsync(int year, CancellationToken ct)
    {
        var alerts = new List<AlertView>();
        await foreach (var a in storage.Alerts.QueryAsync<TableEntity>(e => e.PartitionKey == year.ToString(CultureInfo.InvariantCulture),
            cancellationToken: ct))
        {
            alerts.Add(new AlertView(a.GetString("ItemId"), a.GetString("Title"), a.GetString("Kind"), a.GetDateTimeOffset("At") ?? a.Timestamp
                ?? DateTimeOffset.MinValue, a.GetString("Message")));
        }

        return alerts.OrderByDescending(a => a.At).ToList();
    }
}
