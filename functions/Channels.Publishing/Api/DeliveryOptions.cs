using System.ComponentModel.DataAnnotations;
using Channels.Publishing.Orchestration;

namespace Channels.Publishing.Api;

/// <summary>Retry and verdict polling of deliveries (copied into each orchestration's input when it starts).</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Channels:Delivery";

    [Range(1, 20)] public int MaxAttempts { get; set; } = 5;
    [Range(0.1, 600)] public double FirstRetrySeconds { get; set; } = 2;
    [Range(1, 3600)] public double MaxRetrySeconds { get; set; } = 60;
    [Range(0.1, 3600)] public double VerdictPollSeconds { get; set; } = 5;
    [Range(1, 10_000)] public int MaxVerdictPolls { get; set; } = 120;

    /// <summary>After the retries of a step are exhausted: how many more rounds, each after a longer pause, before the channel is failed.</summary>
    [Range(0, 10)] public int RecoveryRounds { get; set; } = 2;
    [Range(0.1, 86_400)] public double RecoveryDelaySeconds { get; set; } = 60;

    public DeliveryPolicy ToPolicy() => new(MaxAttempts, FirstRetrySeconds, MaxRetrySeconds, VerdictPollSeconds, MaxVerdictPolls, RecoveryRounds, RecoveryDelaySeconds);
}
