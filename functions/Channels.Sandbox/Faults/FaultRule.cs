using System.Text.Json.Serialization;

namespace Channels.Sandbox.Faults;

/// <summary>The kinds of injectable faults.</summary>
internal static class FaultKinds
{
    /// <summary>Answer with the platform error <see cref="FaultRule.Code"/> in the channel's error envelope.</summary>
    public const string Error = "error";

    /// <summary>HTTP 500 with no platform body.</summary>
    public const string Http500 = "http500";

    /// <summary>Wait DelayMs (default 30 s), then HTTP 504; nothing happens on the platform.</summary>
    public const string Timeout = "timeout";

    /// <summary>Perform the call's effect, then lose the response (502, or abort the connection).</summary>
    public const string DropAfterCommit = "drop-after-commit";

    /// <summary>Wait DelayMs (default 2 s), then answer normally.</summary>
    public const string Slow = "slow";

    public static readonly IReadOnlyList<string> All = [Error, Http500, Timeout, DropAfterCommit, Slow];
}

/// <summary>
/// An active fault: applies to the next <see cref="Remaining"/> calls matching channel and api ("*" = any), or,
/// with <see cref="Rate"/>, to each matching call with that probability (and at most Remaining times if both).
/// </summary>
internal sealed record FaultRule
{
    [JsonPropertyName("id")] public int Id { get; init; }
    [JsonPropertyName("channel")] public required string Channel { get; init; }
    [JsonPropertyName("api")] public required string Api { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("count")] public int? Count { get; init; }
    [JsonPropertyName("rate")] public double? Rate { get; init; }
    [JsonPropertyName("delayMs")] public int? DelayMs { get; init; }

    /// <summary>For drop-after-commit: abort the connection instead of answering 502.</summary>
    [JsonPropertyName("abort")] public bool Abort { get; init; }

    /// <summary>How many more calls a counted rule applies to (null = unlimited, for rate rules).</summary>
    [JsonPropertyName("remaining")] public int? Remaining { get; set; }

    [JsonPropertyName("hits")] public int Hits { get; set; }

    [JsonIgnore] public bool Exhausted => Remaining is <= 0;

    public bool Matches(string channel, string api) =>
        Channel == channel && (Api == "*" || string.Equals(Api, api, StringComparison.OrdinalIgnoreCase));

    public TimeSpan Delay(int defaultMs) => TimeSpan.FromMilliseconds(DelayMs ?? defaultMs);
}
