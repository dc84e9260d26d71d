using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Channels.Sandbox.Infrastructure;

/// <summary>JSON settings: platform field names as written, CJK unescaped (as the platforms send it).</summary>
internal static class SandboxJson
{
    /// <summary>Responses: names exactly as declared, nulls left out, raw UTF-8 text.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Admin request bodies: case-insensitive names, numbers accepted as strings.</summary>
    public static readonly JsonSerializerOptions Input = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
