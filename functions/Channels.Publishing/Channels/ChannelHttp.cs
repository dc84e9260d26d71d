using System.Text;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Publishing.Channels;

/// <summary>JSON over HTTP for the channel clients: raw UTF-8 (WeChat shows \uXXXX escapes literally).</summary>
internal static class ChannelHttp
{
    public static StringContent Json<T>(T body) =>
        new(JsonSerializer.Serialize(body, ChannelsJson.Options), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode >= 500) throw new HttpRequestException($"{what}: HTTP {(int)response.StatusCode}");
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new HttpRequestException($"{what}: HTTP {(int)response.StatusCode}, not JSON");
        }
    }

    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null
            : null;

    public static int Int(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number ? v.GetInt32() : int.TryParse(v.GetString(), out var i) ? i : 0
            : 0;
}
