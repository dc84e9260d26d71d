using Channels.Publishing.Channels;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>
/// GET /api/channels (reader): the registered channels in order — name, Chinese label, pacing, what each counts, and
/// which abilities its folder registered (retract, resume, health probe). The dashboard takes its labels from here.
/// </summary>
public sealed class ChannelsApi(
    ChannelCatalog channels, IEnumerable<IChannelRetractor> retractors, IEnumerable<IChannelResumer> resumers,
    IEnumerable<Monitoring.IChannelHealthProbe> probes)
{
    public async Task ListAsync(HttpContext ctx) =>
        await ApiResponses.JsonAsync(ctx, 200, channels.All.Select(d => new ChannelView(d.Name, d.Label, d.Paced, d.WatchedAccount,
            [.. d.Metrics.Select(m => new MetricView(m.Metric, m.Label, m.Unit, m.UnitsLabel))],
            retractors.Any(r => r.Channel == d.Name), resumers.Any(r => r.Channel == d.Name), probes.Any(p => p.Channel == d.Name))).ToList());

    public sealed record ChannelView(string Name, string Label, bool Paced, bool WatchedAccount, IReadOnlyList<MetricView> Metrics, bool CanRetract,
        bool CanResume, bool HasHealthProbe);

    public sealed record MetricView(string Metric, string Label, string Unit, string? UnitsLabel);
}
