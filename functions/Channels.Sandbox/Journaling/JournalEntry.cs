using System.Text.Json.Serialization;

namespace Channels.Sandbox.Journaling;

/// <summary>
/// One call to an emulated API. Outcome is "ok", the platform error code, or "fault:&lt;kind&gt;" for an injected
/// fault. Fault is set on the normal entry of a call a fault touched without stopping it (slow, drop-after-commit).
/// </summary>
internal sealed record JournalEntry(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("at")] DateTime At,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("api")] string Api,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("platformId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PlatformId,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, object?> Detail,
    [property: JsonPropertyName("fault"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Fault);
