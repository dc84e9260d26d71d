using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Channels.Publishing.Api;
using Channels.Publishing.Items;
using Channels.Publishing.Orchestration;
using Microsoft.DurableTask.Client;

namespace Channels.Local;

/// <summary>
/// ./channels replay FILE: pushes a JSONL dataset of items through the running host's own API (the real
/// pipeline: orchestrations, channel clients, sandbox, ledger), shows a progress bar, and prints a summary
/// with the statistics of every year the dataset covers.
/// </summary>
internal static class ReplayRunner
{
    /// <summary>Waits held open at once (HTTP/2 streams to the sidecar, which allows 100 per connection).</summary>
    public const int WaitParallelism = 32;

    public static async Task<int> RunAsync(string baseUrl, string apiKey, DurableTaskClient durable, string file, int parallel, TextWriter output, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(Channels.Publishing.Api.Access.AccessGate.KeyHeader, apiKey);
        var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Length > 0).ToList();
        var years = new SortedSet<int>();
        var clock = Stopwatch.StartNew();
        var pending = new ConcurrentQueue<string>();
        int submitted = 0, refused = 0;

        await Parallel.ForEachAsync(lines, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (line, c) =>
        {
            var item = JsonSerializer.Deserialize<PublicationItem>(line, ChannelsJson.Options)!;
            lock (years) years.Add(ChinaTime.YearOf(item.PublishAt!.Value));
            using var response = await http.PostAsync("/api/publications", new StringContent(line, Encoding.UTF8, "application/json"), c);
            if ((int)response.StatusCode == 202) pending.Enqueue(item.Id);
            else
            {
                Interlocked.Increment(ref refused);
                output.WriteLine($"\n{item.Id}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(c)}");
            }

            Progress(output, "提交", Interlocked.Increment(ref submitted), lines.Count, clock);
        });
        output.WriteLine();

        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var total = pending.Count;
        var done = 0;
        // Each wait is one long-held call to the in-process Durable runtime, answered when the instance completes:
        // no polling, so waiting costs neither storage nor CPU. Instances finish roughly in submission order.
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = WaitParallelism, CancellationToken = ct }, async (id, c) =>
        {
            var instance = await durable.WaitForInstanceCompletionAsync(PublicationsApi.InstanceId(id), getInputsAndOutputs: true, c);
            var status = instance.ReadOutputAs<PublicationOutcome>()?.Status ?? instance.RuntimeStatus.ToString();
            outcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
            Progress(output, "送达", Interlocked.Increment(ref done), total, clock);
        });

        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"\n\n回放完成：{lines.Count}条，用时{seconds:F1}秒（{lines.Count / seconds:F1}条/秒）；" +
            $"全部送达{outcomes.GetValueOrDefault("delivered")}，部分失败{outcomes.GetValueOrDefault("partially-failed")}，失败{outcomes.GetValueOrDefault("failed")}，拒收{refused}");
        foreach (var year in years)
        {
            output.WriteLine($"{year}年统计：{await http.GetStringAsync($"/api/statistics/{year}", ct)}");
        }

        return outcomes.GetValueOrDefault("delivered") == lines.Count ? 0 : 1;
    }

    static readonly object ConsoleGate = new();

    static void Progress(TextWriter output, string label, int done, int total, Stopwatch clock)
    {
        if (done % 25 != 0 && done != total) return;
        const int width = 30;
        var filled = total == 0 ? width : done * width / total;
        lock (ConsoleGate)
        {
            output.Write($"\r{label} [{new string('#', filled)}{new string('-', width - filled)}] {done}/{total} {done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0}条/秒   ");
        }
    }
}
