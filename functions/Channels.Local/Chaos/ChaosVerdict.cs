using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Local.Chaos;

/// <summary>
/// Judges a settled scenario. Lost: an item with no final status, or a channel that is neither delivered nor carries
/// a reason. Duplicate: a second post of one item (or a second send of one SMS batch) in a platform's journal.
/// Mismatch: a statistics figure that differs from the ledger's delivered count, or a delivered WeChat/Weibo item
/// with no post in the journal, or an undelivered one with a post (posted but not counted).
/// </summary>
internal static class ChaosVerdict
{
    public static async Task<ChaosResult> JudgeAsync(
        string name, HttpClient api, HttpClient sandbox, IReadOnlyList<PublicationItem> items, bool settled, double seconds, CancellationToken ct)
    {
        var problems = new List<string>();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var posts = JournalCheck.Read(await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/journal", ct), ids);
        var deliveredBy = ChannelNames.All.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        int delivered = 0, explained = 0, lost = 0, mismatches = 0;
        foreach (var item in items)
        {
            using var response = await api.GetAsync($"/api/publications/{item.Id}", ct);
            if (!response.IsSuccessStatusCode)
            {
                lost++;
                problems.Add($"{item.Id}: no publication record ({(int)response.StatusCode})");
                continue;
            }

            var view = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var status = view.GetProperty("status").GetString();
            var unexplained = false;
            foreach (var c in view.GetProperty("channels").EnumerateArray())
            {
                var channel = c.GetProperty("channel").GetString()!;
                var state = c.GetProperty("state").GetString();
                if (state == "delivered") deliveredBy[channel]++;
                else if (state is "failed" or "credentials-expired" && c.TryGetProperty("error", out var e) && e.GetString() is { Length: > 0 } reason)
                {
                    var key = $"{channel}: {(reason.Length > 60 ? reason[..60] + "…" : reason)}";
                    reasons[key] = reasons.GetValueOrDefault(key) + 1;
                }
                else
                {
                    unexplained = true;
                    problems.Add($"{item.Id}: {channel} is {state} with no reason");
                }

                var seen = channel switch
                {
                    "wechat" => posts.WeChat.GetValueOrDefault(item.Id),
                    "weibo" => posts.Weibo.GetValueOrDefault(item.Id),
                    _ => -1,
                };
                var reconciled = c.TryGetProperty("platformId", out var pid) && pid.GetString()?.StartsWith("reconciled", StringComparison.Ordinal) == true;
                if (seen >= 0 && (state == "delivered") != (seen > 0) && !reconciled)
                {
                    mismatches++;
                    problems.Add($"{item.Id}: {channel} is {state} but the platform saw {seen} post(s)");
                }
            }

            if (status == "delivered") delivered++;
            else if (status is "failed" or "partially-failed" && !unexplained) explained++;
            else lost++;
        }

        var duplicates = posts.WeChat.Values.Concat(posts.Weibo.Values).Concat(posts.SmsBatches.Values).Sum(n => Math.Max(0, n - 1));
        foreach (var (key, n) in posts.WeChat.Concat(posts.Weibo).Concat(posts.SmsBatches).Where(p => p.Value > 1)) problems.Add($"{key}: posted {n} times");

        // Items of the host-kill scenario scheduled for now count in this year's statistics, the others in 2019's.
        var figures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var year in items.Select(i => ChinaTime.YearOf(i.PublishAt!.Value)).Distinct())
        {
            var stats = await api.GetFromJsonAsync<JsonElement>($"/api/statistics/{year}", ct);
            foreach (var (channel, value) in new[]
            {
                ("website", stats.GetProperty("website").GetProperty("items").GetInt32()),
                ("wechat", stats.GetProperty("wechat").GetProperty("articles").GetInt32()),
                ("weibo", stats.GetProperty("weibo").GetProperty("posts").GetInt32()),
                ("sms", stats.GetProperty("sms").GetProperty("messages").GetInt32()),
                ("bulletin", stats.GetProperty("bulletin").GetProperty("items").GetInt32()),
            })
            {
                figures[channel] = figures.GetValueOrDefault(channel) + value;
            }
        }

        foreach (var (channel, figure) in figures)
        {
            if (figure == deliveredBy[channel]) continue;
            mismatches++;
            problems.Add($"statistics: {channel} counts {figure}, the ledger has {deliveredBy[channel]} delivered");
        }

        if (!settled) problems.Insert(0, "not every item settled before the timeout");
        return new ChaosResult(name, items.Count, delivered, explained, lost, duplicates, mismatches, Math.Round(seconds, 1), problems,
            reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Value} × {r.Key}").ToList());
    }
}
