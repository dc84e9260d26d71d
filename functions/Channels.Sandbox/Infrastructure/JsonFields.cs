using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Channels.Sandbox.Infrastructure;

/// <summary>Lenient readers for fields of request JSON (platforms accept "1" for 1 and similar).</summary>
internal static class JsonFields
{
    public static JsonObject? Obj(JsonObject? o, string name) => o?[name] as JsonObject;

    public static JsonArray? Arr(JsonObject? o, string name) => o?[name] as JsonArray;

    /// <summary>A string field; numbers and booleans are given as their JSON text; null when absent.</summary>
    public static string? Str(JsonObject? o, string name) => Text(o?[name]);

    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    /// <summary>An integer field (number, numeric string or boolean); null when absent or not a number.</summary>
    public static long? Long(JsonObject? o, string name) => o?[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => 1,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => 0,
        _ => null,
    };

    public static int Int(JsonObject? o, string name, int fallback = 0) =>
        Long(o, name) is { } n ? (int)Math.Clamp(n, int.MinValue, int.MaxValue) : fallback;

    /// <summary>A boolean field: true, 1 or "true".</summary>
    public static bool Bool(JsonObject? o, string name) => o?[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.Equals(v.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Long(o, name) is not (null or 0),
        _ => false,
    };
}
