using Azure.Data.Tables;
using Channels.Publishing.Channels;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Monitoring;

/// <summary>
/// Per-channel health for the admins: backlog (items queued, sending or awaiting a verdict), failures waiting for a
/// person, the latest error, and what the channel's probe knows (token, quota, hold). One filtered query over the
/// ledger's unfinished and failed rows (server-side filter), so the report is always current.
/// </summary>
public sealed class ChannelHealthService(ChannelsStorage storage, IEnumerable<IChannelPublisher> publishers, IEnumerable<IChannelHealthProbe> probes,
    TimeProvider time)
{
    readonly IReadOnlyList<string> channels = publishers.Select(p => p.Channel).ToList();
    readonly Dictionary<string, IChannelHealthProbe> probeOf = probes.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    public Task<HealthReport> GetAsync(CancellationToken ct) => BuildAsync(ct);

    async Task<HealthReport> BuildAsync(CancellationToken ct)
    {
        var open = new List<DeliveryEntry>();
        const string filter = "State ne 'delivered' and State ne 'retracted' and State ne 'correction-sent'";
        await foreach (var row in storage.Deliveries.QueryAsync<DeliveryEntry>(filter,
            select: ["PartitionKey", "RowKey", "State", "Error", "FinishedAt", "IntentAt"], cancellationToken: ct))
        {
            open.Add(row);
        }

        var views = new List<ChannelHealth>();
        foreach (var channel in channels)
        {
            var rows = open.Where(r => r.Channel == channel).ToList();
            var failed = rows.Where(r => DeliveryState.IsFailure(r.State)).ToList();
            var last = failed.OrderByDescending(r => r.FinishedAt ?? r.IntentAt).FirstOrDefault();
            var probe = probeOf.TryGetValue(channel, out var p) ? await p.ProbeAsync(ct) : new ProbeResult("n/a", null, false, null);
            var status = probe.Held || probe.Token == "expired" ? "down" : failed.Count > 0 ? "warning" : "ok";
            views.Add(new ChannelHealth(channel, status, probe.Token, probe.Note, probe.Quota, rows.Count - failed.Count, failed.Count,
                last is null ? null : new LastError(last.FinishedAt ?? last.IntentAt, last.ItemId, last.Error ?? last.State), probe.Held));
        }

        return new HealthReport(time.GetUtcNow(), views);
    }
}

public sealed record HealthReport(DateTimeOffset GeneratedAt, IReadOnlyList<ChannelHealth> Channels);

/// <summary>Status: ok | warning (failures wait for a person) | down (credentials expired or the channel is held).</summary>
public sealed record ChannelHealth(
    string Channel, string Status, string Token, string? Note, QuotaView? Quota, int Backlog, int Failed, LastError? LastError, bool Held);

public sealed record LastError(DateTimeOffset At, string ItemId, string Message);
