namespace Channels.Publishing.Monitoring;

/// <summary>What a channel knows about its own account: credentials, quota, a hold. Optional: a channel without one shows "n/a".</summary>
public interface IChannelHealthProbe
{
    string Channel { get; }

    Task<ProbeResult> ProbeAsync(CancellationToken ct);
}

/// <summary>Token: valid | expired | unknown | n/a. Quota: used/limit per period (hour | day), or null when the platform sets none that matters.</summary>
public sealed record ProbeResult(string Token, QuotaView? Quota, bool Held, string? Note);

public sealed record QuotaView(int Used, int Limit, int Left, string Period);
