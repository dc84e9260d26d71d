using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Channels;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests.Plugin.Toutiao;

/// <summary>The 政务头条号 platform's API as <see cref="FakeToutiaoPlatform"/> serves it. 5xx is thrown as transient; 4xx as permanent.</summary>
public sealed class ToutiaoClient(HttpClient http)
{
    /// <summary>The article posted earlier for this item (clientRef = item id), or null: a retry looks before it posts.</summary>
    public async Task<string?> FindAsync(string itemId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"articles?clientRef={Uri.EscapeDataString(itemId)}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return (await ReadAsync(response, ct)).GetProperty("id").GetString();
    }

    public async Task<string> PostAsync(PublicationItem item, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("articles", new { clientRef = item.Id, title = item.Title, body = item.Summary ?? item.Title }, ct);
        return (await ReadAsync(response, ct)).GetProperty("id").GetString() ?? throw new InvalidOperationException("platform returned no id");
    }

    /// <summary>(status, url): status is reviewing | published | rejected.</summary>
    public async Task<(string Status, string? Url)> StatusAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"articles/{Uri.EscapeDataString(id)}", ct);
        var json = await ReadAsync(response, ct);
        return (json.GetProperty("status").GetString() ?? "", json.TryGetProperty("url", out var url) ? url.GetString() : null);
    }

    /// <summary>True when removed now or already gone.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        using var response = await http.DeleteAsync($"articles/{Uri.EscapeDataString(id)}", ct);
        if (response.StatusCode != HttpStatusCode.NotFound) await ReadAsync(response, ct);
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode >= 500) throw new HttpRequestException($"政务头条号平台暂时不可用（HTTP {(int)response.StatusCode}）", null, response.StatusCode);
        if (!response.IsSuccessStatusCode) throw new PermanentChannelException($"政务头条号平台拒绝：{text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
