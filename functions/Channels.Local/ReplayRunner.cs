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

    /// <summary>Items in the pipeline at once during a replay (enough for the batching of listings and counts to pay).</summary>
    public const int InFlight = 100;

    /// <param name="completedAt">When given, receives the seconds since the start at which each item completed (the bench's rate over time).</param>
    public static async Task<int> RunAsync(string baseUrl, string apiKey, DurableTaskClient durable, string file, int parallel, TextWriter output,
        CancellationToken ct, ConcurrentQueue<double>? completedAt = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add(Channels.Publishing.Api.Access.AccessGate.KeyHeader, apiKey);
        var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Length > 0).ToList();
        var years = new SortedSet<int>();
        var clock = Stopwatch.StartNew();
        var window = new SemaphoreSlim(InFlight);
        var submittedIds = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        int refused = 0, done = 0;

        // At most InFlight items are in the pipeline at once: a new one is submitted when an earlier one completes, so
        // the storage queue (and every request's wait in it) stays bounded however long the file is.
        var waiters = Enumerable.Range(0, WaitParallelism).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in submittedIds.Reader.ReadAllAsync(ct))
            {
                // One long-held call to the in-process Durable runtime, answered when the instance completes: no polling.
                var instance = await durable.WaitForInstanceCompletionAsync(PublicationsApi.InstanceId(id), getInputsAndOutputs: true, ct);
                var status = instance.ReadOutputAs<PublicationOutcome>()?.Status ?? instance.RuntimeStatus.ToString();
                outcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
                completedAt?.Enqueue(clock.Elapsed.TotalSeconds);
                window.Release();
                Progress(output, "送达", Interlocked.Increment(ref done), lines.Count, clock);
            }
        }, ct)).ToList();

        await Parallel.ForEachAsync(lines, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (line, c) =>
        {
            var item = JsonSerializer.Deserialize<PublicationItem>(line, ChannelsJson.Options)!;
            lock (years) years.Add(ChinaTime.YearOf(item.PublishAt!.Value));
            await window.WaitAsync(c);
            using var response = await http.PostAsync("/api/publications", new StringContent(line, Encoding.UTF8, "application/json"), c);
            if ((int)response.StatusCode == 202) await submittedIds.Writer.WriteAsync(item.Id, c);
            else
            {
                window.Release();
                Interlocked.Increment(ref refused);
                output.WriteLine($"\n{item.Id}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(c)}");
            }
        });
        submittedIds.Writer.Complete();
        await Task.WhenAll(waiters);

        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"\n\n回放完成：{lines.Count}条，用时{seconds:F1}秒（{lines.Count / seconds:F1}条/秒）；" +
            $"全部送达{outcomes.GetValueOrDefault("delivered")}，部分失败{outcomes.GetValueOrDefault("partially-failed")}，失败{outcomes.GetValueOrDefault("failed")}" +
                $"，拒收{refused}");
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
            output.Write($"\r{label} [{new string('#', filled)}{new string('-', width - filled)}] {done}/{total}" +
                $" {done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0}条/秒   ");
        }
    }
}
