using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Local;

/// <summary>
/// ./channels demo: publishes the sample items in seeds/demo through the running host's own HTTP API, waits for
/// every channel's final verdict, prints each item's per-channel result and the year's counts.
/// </summary>
internal static class DemoRunner
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string baseUrl, string apiKey, string seedsDir, TextWriter output, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(Channels.Publishing.Api.Access.AccessGate.KeyHeader, apiKey);
        var files = Directory.GetFiles(seedsDir, "*.json").Order(StringComparer.Ordinal).ToList();
        var years = new SortedSet<int>();
        var allDelivered = true;
        foreach (var file in files)
        {
            var json = await File.ReadAllTextAsync(file, ct);
            var item = JsonSerializer.Deserialize<PublicationItem>(json, ChannelsJson.Options)!;
            years.Add(ChinaTime.YearOf(item.PublishAt!.Value));
            using var response = await http.PostAsync("/api/publications", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct);
            output.WriteLine($"提交 {item.Id}（{item.Title}）→ HTTP {(int)response.StatusCode}");
            if ((int)response.StatusCode != 202)
            {
                output.WriteLine(await response.Content.ReadAsStringAsync(ct));
                allDelivered = false;
            }
        }

        var ids = new List<string>();
        foreach (var file in files) ids.Add(JsonDocument.Parse(await File.ReadAllTextAsync(file, ct)).RootElement.GetProperty("id").GetString()!);

        // Ordinary WeChat items wait for the daily digest (群发, once a day); the demo sends today's digest now.
        foreach (var id in ids) await WaitAsync(http, id, ct, orQueuedForDigest: true);
        using (var digest = await http.PostAsync("/api/channels/wechat/digest", null, ct))
        {
            output.WriteLine($"\n触发今日微信群发（POST /api/channels/wechat/digest）→ HTTP {(int)digest.StatusCode}");
        }

        foreach (var id in ids)
        {
            var view = await WaitAsync(http, id, ct);
            output.WriteLine($"\n{id} · {view.GetProperty("title").GetString()} · 状态 {view.GetProperty("status").GetString()}");
            foreach (var c in view.GetProperty("channels").EnumerateArray())
            {
                var state = c.GetProperty("state").GetString();
                allDelivered &= state == "delivered";
                output.WriteLine($"  {c.GetProperty("channel").GetString(),-9} {state,-17} {Str(c, "platformId"),-28} {Str(c, "url")} {Str(c, "error")}");
            }
        }

        foreach (var year in years)
        {
            var stats = await http.GetStringAsync($"/api/statistics/{year}", ct);
            output.WriteLine($"\n{year}年统计（GET /api/statistics/{year}）：\n{stats}");
        }

        output.WriteLine($"\n网站：{baseUrl}/site/    接口：{baseUrl}/api/health    " +
            $"沙箱日志：{baseUrl.Replace("7071", "7081", StringComparison.Ordinal)}/sandbox/journal");
        output.WriteLine(allDelivered ? "全部信息已在所有渠道送达。" : "有信息未能送达，见上。");
        return allDelivered ? 0 : 1;
    }

    static async Task<JsonElement> WaitAsync(HttpClient http, string id, CancellationToken ct, bool orQueuedForDigest = false)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var view = await http.GetFromJsonAsync<JsonElement>($"/api/publications/{Uri.EscapeDataString(id)}", ct);
            var status = view.GetProperty("status").GetString();
            if (status is "delivered" or "failed" or "partially-failed" || DateTimeOffset.UtcNow > deadline) return view;
            if (orQueuedForDigest && view.GetProperty("channels").EnumerateArray().Any(c => c.GetProperty("state").GetString() == "queued-digest")
                && view.GetProperty("channels").EnumerateArray().All(c => c.GetProperty("state")
                    .GetString() is "queued-digest" or "delivered" or "failed")) return view;
            await Task.Delay(250, ct);
        }
    }

    static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
