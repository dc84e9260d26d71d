using System.ComponentModel.DataAnnotations;
using Channels.Publishing.Orchestration;

namespace Channels.Publishing.Api;

/// <summary>Retry, verdict waiting and fallback polling of deliveries (copied into each orchestration's input when it starts).</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Channels:Delivery";

    [Range(1, 20)] public int MaxAttempts { get; set; } = 5;
    [Range(0.1, 600)] public double FirstRetrySeconds { get; set; } = 2;
    [Range(1, 3600)] public double MaxRetrySeconds { get; set; } = 60;
    /// <summary>
    /// Verdicts arrive as events (WeChat pushes, SMS receipt callbacks); polling is the slow fallback: the first check
    /// waits VerdictPollSeconds, each next one twice as long up to VerdictPollMaxSeconds, until VerdictWindowSeconds
    /// (default 72 h: WeChat review takes hours, SMS receipts days) have passed without a verdict — then failed.
    /// </summary>
    [Range(0.1, 3600)] public double VerdictPollSeconds { get; set; } = 5;
    [Range(0.1, 86_400)] public double VerdictPollMaxSeconds { get; set; } = 1800;
    [Range(1, 2_592_000)] public double VerdictWindowSeconds { get; set; } = 259_200;

    /// <summary>Waits per run of the verdict orchestration before it continues as new (bounds its history).</summary>
    [Range(1, 1000)] public int VerdictWaitsPerRun { get; set; } = 20;

    /// <summary>After the retries of a step are exhausted: how many more rounds, each after a longer pause, before the channel is failed.</summary>
    [Range(0, 10)] public int RecoveryRounds { get; set; } = 2;
    [Range(0.1, 86_400)] public double RecoveryDelaySeconds { get; set; } = 60;

    /// <summary>A quota or rate limit defers the step: a per-minute limit this long, an hourly one this long, a daily quota to the next China day.</summary>
    [Range(0.1, 3600)] public double QuotaMinuteSeconds { get; set; } = 60;
    [Range(0.1, 86_400)] public double QuotaHourSeconds { get; set; } = 3600;

    /// <summary>Caps any quota deferral (tests, chaos runs); null = no cap.</summary>
    [Range(0.1, 604_800)] public double? QuotaDeferCapSeconds { get; set; }

    /// <summary>How many quota deferrals one step may take before the channel is failed.</summary>
    [Range(0, 100)] public int MaxDeferrals { get; set; } = 8;

    /// <summary>The registered channels that are paced (set from the channel descriptors at start-up, not configured).</summary>
    public IReadOnlyList<string>? PacedChannels { get; set; }

    public DeliveryPolicy ToPolicy() =>
        new(MaxAttempts, FirstRetrySeconds, MaxRetrySeconds, VerdictPollSeconds, RecoveryRounds, RecoveryDelaySeconds, MaxDeferrals,
            VerdictPollMaxSeconds, VerdictWindowSeconds, VerdictWaitsPerRun, PacedChannels);
}
