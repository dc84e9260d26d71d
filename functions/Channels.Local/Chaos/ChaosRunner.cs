using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Local.Bench;
using Channels.Publishing.Items;
using Channels.Sandbox;

namespace Channels.Local.Chaos;

/// <summary>
/// ./channels chaos [--quick]: each scenario runs a fresh local host in a child process (its own storage prefix on
/// Azurite) against one sandbox that outlives it, switches faults on, publishes five-channel items, disturbs the run
/// (channel down, SIGKILL and restart, duplicate submitters), waits for every item to settle and then checks what the
/// platforms saw (sandbox journals) against the ledger and the statistics. Exit code 1 on any loss, duplicate or
/// mismatch.
/// </summary>
internal static class ChaosRunner
{
    const string Key = "chaos-admin-key";

    public static async Task<int> RunAsync(string storage, bool quick, IReadOnlyCollection<string> only, TextWriter output, CancellationToken ct)
    {
        // The hosts' site is on loopback: bind it as the Weibo app's safe domain (安全域名), as an operator would their site.
        var sandbox = SandboxApp.Build(["--urls", "http://127.0.0.1:0", "--Sandbox:WeiboSafeDomains=127.0.0.1"]);
        await sandbox.StartAsync(ct);
        var sandboxUrl = sandbox.Urls.First().TrimEnd('/');
        using var sandboxHttp = new HttpClient { BaseAddress = new Uri(sandboxUrl), Timeout = TimeSpan.FromSeconds(60) };
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var results = new List<ChaosResult>();
        var logDir = Path.Combine(Environment.GetEnvironmentVariable("CHANNELS_DATA") ?? Path.GetTempPath(), "chaos");
        Directory.CreateDirectory(logDir);
        output.WriteLine($"chaos ({(quick ? "quick" : "full")} profile), sandbox {sandboxUrl}, host logs in {logDir}");
        var index = 0;
        foreach (var scenario in ChaosScenario.Profile(quick))
        {
            index++;
            if (only.Count > 0 && !only.Contains(scenario.Name)) continue;
            var args = new List<string>
            {
                "--Channels:Profile=sandbox",
                $"--CHANNELS_BACKEND={scenario.Backend}", $"--Channels:Storage:ConnectionString={storage}", $"--Channels:Storage:Prefix=c{run[^6..]}s{index}",
                $"--Channels:WeChat:BaseUrl={sandboxUrl}/wechat/", $"--Channels:Weibo:BaseUrl={sandboxUrl}/weibo/", $"--Channels:Sms:BaseUrl={sandboxUrl}/sms/",
                $"--CHANNELS_KEY_ADMIN={Key}", "--Channels:Delivery:MaxAttempts=8", "--Channels:Delivery:FirstRetrySeconds=0.5",
                "--Channels:Delivery:MaxRetrySeconds=4", "--Channels:Delivery:RecoveryRounds=2", "--Channels:Delivery:RecoveryDelaySeconds=10",
                    "--Channels:Delivery:VerdictPollSeconds=0.5", "--Channels:Weibo:WindowSeconds=1",
                "--Channels:Sms:SendFromHour=0", "--Channels:WeChat:DigestEnabled=false", "--Channels:Sms:SendUntilHour=24",
                    "--Logging:LogLevel:Default=Warning",
                "--Channels:Delivery:QuotaDeferCapSeconds=5", // injected quota faults defer a step seconds, not the platform's minute/hour/day
                "--Channels:Sms:UnknownBatchGraceHours=0.01", "--Channels:Sms:FollowUpSeconds=2",
                    // an SMS batch lost without trace is sent after 36 s, not 72 h
                "--Channels:Delivery:VerdictPollMaxSeconds=4", "--Channels:Delivery:VerdictWindowSeconds=300", // no push here: polls decide, within the run
            };
            ChaosResult result;
            try
            {
                result = await RunScenarioAsync(scenario, $"c{run}s{index}", args, Path.Combine(logDir, $"{scenario.Name}.log"), sandboxHttp, quick, ct);
            }
            catch (ScenarioBrokenException e)
            {
                // None of its items can be vouched for: the scenario fails, with the host's answer as the problem.
                result = new ChaosResult(scenario.Name, scenario.Items, 0, 0, scenario.Items, 0, 0, 0, ["scenario broken: " + e.Message], []);
            }

            results.Add(result);
            output.WriteLine($"  {scenario.Name,-11} {result.Submitted,4} submitted {result.Delivered,4} delivered " +
                $"{result.ExplainedFailures,3} explained failures {result.Lost} lost {result.Duplicates} duplicates {result.Mismatches} mismatches  " +
                $"settled in {result.SettleSeconds,6:0.0} s  {(result.Passed ? "ok" : "FAILED")}  — {scenario.Description}");
            foreach (var p in result.Problems.Take(10)) output.WriteLine("      problem: " + p);
            foreach (var r in result.FailureReasons.Take(5)) output.WriteLine("      explained: " + r);
        }

        await sandbox.StopAsync(ct);
        await File.WriteAllTextAsync(Path.Combine("bench", (quick ? "chaos-quick" : "chaos") + (only.Count > 0 ? "-partial" : "") + ".json"),
            JsonSerializer.Serialize(new { date = DateTimeOffset.UtcNow, machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", results },
                new JsonSerializerOptions { WriteIndented = true }), ct);
        return results.All(r => r.Passed) ? 0 : 1;
    }

    static async Task<ChaosResult> RunScenarioAsync(
        ChaosScenario s, string idPrefix, List<string> args, string log, HttpClient sandbox, bool quick, CancellationToken ct)
    {
        await sandbox.DeleteAsync("/sandbox/faults", ct);
        var host = await HostProcess.StartAsync(args, log, ct);
        try
        {
            using var api = Client(host.Url);
            if (s.Faults is not null) (await sandbox.PostAsJsonAsync("/sandbox/faults", s.Faults, ct)).EnsureSuccessStatusCode();
            // The website title carries the id; WeChat gets a short title, as its 32-character limit asks (wechat.title).
            var items = Enumerable.Range(0, s.Items).Select(i => BenchItems.FiveChannels(idPrefix, i) with
            {
                Title = $"应急演练信息 {idPrefix}-{i}", WeChat = new WeChatRequest { Title = $"应急演练 {s.Name} {i}" },
            }).ToList();
            // On SIGKILL every fourth item is still waiting on its durable timer (publishAt 100 s ahead): after the
            // restart it must go out once, like the in-flight ones.
            if (s.MidRun == ChaosEvent.KillHost) items = [.. items.Select((item, i) => i % 4 == 3 ? Scheduled(item, DateTimeOffset.UtcNow.AddSeconds(100))
                : item)];
            var clock = Stopwatch.StartNew();
            if (s.MidRun == ChaosEvent.ChannelDownThenBack)
            {
                (await sandbox.PostAsJsonAsync("/sandbox/faults", new { channel = "weibo", kind = "http500", count = 1_000_000 }, ct))
                    .EnsureSuccessStatusCode();
            }

            await SubmitAsync(api, items, ct);
            if (s.MidRun == ChaosEvent.DuplicateSubmissions)
            {
                using var second = Client(host.Url);
                await Task.WhenAll(SubmitAsync(api, items, ct), SubmitAsync(second, items, ct));
            }

            if (s.MidRun == ChaosEvent.ChannelDownThenBack)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                await sandbox.DeleteAsync("/sandbox/faults", ct);
            }

            if (s.MidRun == ChaosEvent.KillHost)
            {
                await WaitAsync(api, items, fraction: 0.3, TimeSpan.FromSeconds(120), ct);
                var waiting = await CountAsync(api, items, "scheduled", ct);
                host.Kill();
                Console.WriteLine($"      host-kill: SIGKILL with {waiting} item(s) waiting on their durable timer; restarting");
                await host.DisposeAsync();
                host = await HostProcess.StartAsync(args, log, ct);
            }

            using var client = Client(host.Url);
            // After a SIGKILL the work the dead host had locked reappears only when its queue messages become visible
            // again (5 minutes on the azurestorage backend), so settling takes over 5 minutes there.
            var settled = await WaitAsync(client, items, fraction: 1.0, TimeSpan.FromSeconds(quick ? 600 : 1200), ct);
            var seconds = clock.Elapsed.TotalSeconds;
            await sandbox.DeleteAsync("/sandbox/faults", ct);
            return await ChaosVerdict.JudgeAsync(s.Name, client, sandbox, items, settled, seconds, ct);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    static HttpClient Client(string url)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("x-api-key", Key);
        return http;
    }

    /// <summary>
    /// Submits every item (8 at a time); a failed submission (5xx, 429, no answer) is retried like an editor would. A
    /// refusal (any other 4xx) is a broken scenario, not chaos: it stops the scenario with the host's answer, instead of
    /// waiting the whole settle timeout for items that were never accepted.
    /// </summary>
    static async Task SubmitAsync(HttpClient api, IReadOnlyList<PublicationItem> items, CancellationToken ct) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (item, c) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await api.PostAsJsonAsync("/api/publications", item, ChannelsJson.Options, c);
                    if (response.IsSuccessStatusCode) return;
                    var code = (int)response.StatusCode;
                    if (code is >= 400 and < 500 and not 429 || attempt >= 5)
                    {
                        throw new ScenarioBrokenException($"submitting {item.Id} answered {code}: {await response.Content.ReadAsStringAsync(c)}");
                    }
                }
                catch (HttpRequestException) when (attempt < 5)
                {
                }

                await Task.Delay(500, c);
            }
        });

    static PublicationItem Scheduled(PublicationItem item, DateTimeOffset at) =>
        item with { PublishAt = at, Approval = item.Approval! with { ApprovedAt = at.AddMinutes(-10) } };

    static async Task<int> CountAsync(HttpClient api, IReadOnlyList<PublicationItem> items, string status, CancellationToken ct)
    {
        var prefix = items[0].Id[..items[0].Id.LastIndexOf('-')];
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/publications?q={prefix}&limit=200", ct);
        return page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("status").GetString() == status);
    }

    /// <summary>Waits until the given fraction of items has a final status; returns whether all of them have.</summary>
    static async Task<bool> WaitAsync(HttpClient api, IReadOnlyList<PublicationItem> items, double fraction, TimeSpan timeout, CancellationToken ct)
    {
        var prefix = items[0].Id[..items[0].Id.LastIndexOf('-')];
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var final = 0;
            for (var offset = 0; offset < items.Count; offset += 200)
            {
                var page = await api.GetFromJsonAsync<JsonElement>($"/api/publications?q={prefix}&limit=200&offset={offset}", ct);
                final += page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("status")
                    .GetString() is "delivered" or "failed" or "partially-failed");
            }

            if (final >= items.Count * fraction) return final == items.Count;
            await Task.Delay(1000, ct);
        }

        return false;
    }
}
