using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Channels.Publishing.Api;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Seeds;
using Channels.Publishing.Statistics;
using Microsoft.DurableTask.Client;

namespace Channels.Local.Bench;

/// <summary>
/// ./channels bench: measures, in one run on this machine, the raw Durable baseline, the full pipeline, the 2017
/// replay, statistics latency at 1× and 10× a year, emergency latency and peak memory; prints a table and writes
/// bench/results.json. Figures, not pass/fail: the targets are printed beside them.
/// </summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(WebApplication app, string apiKey, bool quick, TextWriter output, CancellationToken ct)
    {
        var baseUrl = app.Urls.First();
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        // Generous: a cold statistics read of ten years of counted posts (150,000 rows) on a busy 2-core machine took over 2 minutes.
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(15) };
        http.DefaultRequestHeaders.Add(Channels.Publishing.Api.Access.AccessGate.KeyHeader, apiKey);
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var r = new Dictionary<string, object?> { ["quick"] = quick };

        output.WriteLine("1/6 baseline: raw fan-out (1 orchestration → 5 no-op activities), memory backend");
        r["baselineOrchestrations"] = quick ? 200 : 1000;
        r["baselineOrchestrationsPerSecond"] = Math.Round(await BaselineFanOut.MeasureAsync((int)r["baselineOrchestrations"]!), 1);

        output.WriteLine("   storage ceiling: small upserts and point reads on a scratch table, 32 callers");
        var storageService = app.Services.GetRequiredService<Channels.Publishing.Storage.ChannelsStorage>();
        r["storageCeilingRequestsPerSecond"] = Math.Round(await StorageCeiling.MeasureAsync(storageService, TimeSpan.FromSeconds(quick ? 3 : 10), ct), 0);

        output.WriteLine("2/6 pipeline: five-channel publications through the API, sandbox and Azurite");
        var pipeline = Enumerable.Range(0, quick ? 40 : 200).Select(i => BenchItems.FiveChannels(run, i)).ToList();
        var profile = new StorageProfile();
        var clock = Stopwatch.StartNew();
        await SubmitAndWaitAsync(http, durable, pipeline, ct);
        clock.Stop();
        profile.Dispose();
        output.Write(profile.Report(pipeline.Count));
        var storage = new Dictionary<string, object> { ["pipeline"] = profile.PerItem(pipeline.Count) };
        var uploadedKb = new Dictionary<string, object> { ["pipeline"] = profile.UploadedKbPerItem(pipeline.Count) };
        r["pipelineStorageRequestsPerItem"] = Math.Round((double)profile.Requests / pipeline.Count, 1);
        r["pipelineStorageCeilingItemsPerSecond"] = Math.Round((double)r["storageCeilingRequestsPerSecond"]! / (double)r["pipelineStorageRequestsPerItem"]!, 1);
        r["pipelineItems"] = pipeline.Count;
        r["pipelineItemsPerSecond"] = Math.Round(pipeline.Count / clock.Elapsed.TotalSeconds, 1);
        r["pipelineToBaselineRatio"] = Math.Round((double)r["pipelineItemsPerSecond"]! / (double)r["baselineOrchestrationsPerSecond"]!, 3);

        output.WriteLine("3/6 the 2017 year replay");
        var file = Path.Combine(Path.GetTempPath(), $"channels-bench-{run}.jsonl");
        var year = YearDatasetGenerator.Generate(scale: quick ? 0.02 : 1.0);
        await DatasetFile.WriteAsync(file, year);
        profile = new StorageProfile();
        clock.Restart();
        var completedAt = new System.Collections.Concurrent.ConcurrentQueue<double>();
        await ReplayRunner.RunAsync(baseUrl, apiKey, durable, file, 16, TextWriter.Null, ct, completedAt);
        clock.Stop();
        profile.Dispose();
        output.Write(profile.Report(year.Count));
        storage["replay2017"] = profile.PerItem(year.Count);
        uploadedKb["replay2017"] = profile.UploadedKbPerItem(year.Count);
        r["replayStorageRequestsPerItem"] = Math.Round((double)profile.Requests / year.Count, 1);
        r["replayStorageCeilingItemsPerSecond"] = Math.Round((double)r["storageCeilingRequestsPerSecond"]! / (double)r["replayStorageRequestsPerItem"]!, 1);
        r["storageRequestsPerItem"] = storage;
        r["uploadedKbPerItem"] = uploadedKb;
        r["replay2017Items"] = year.Count;
        r["replay2017Seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        r["replay2017ItemsPerSecond"] = Math.Round(year.Count / clock.Elapsed.TotalSeconds, 1);
        var (firstTenth, lastTenth) = Latency.TenthRates([.. completedAt]);
        r["replayFirstTenthItemsPerSecond"] = Math.Round(firstTenth, 1);
        r["replayLastTenthItemsPerSecond"] = Math.Round(lastTenth, 1);
        r["replayLastToFirstTenthRate"] = Math.Round(lastTenth / Math.Max(firstTenth, 0.001), 2);
        File.Delete(file);

        await WriteAsync(r, complete: false, ct); // a later phase that fails does not lose the figures so far
        output.WriteLine("4/6 statistics latency at 1× (2017) and 10× (a generated year written to the counting index)");
        await WriteTenfoldYearAsync(app.Services.GetRequiredService<CountingIndex>(), year, 2016, ct);
        foreach (var (label, y) in new[] { ("1x", 2017), ("10x", 2016) })
        {
            var (cold, samples) = await StatsLatencyAsync(http, y, quick ? 50 : 200, ct);
            r[$"statsColdMs{label}"] = Math.Round(cold, 1);
            r[$"statsP50Ms{label}"] = Math.Round(Latency.Percentile(samples, 50), 2);
            r[$"statsP95Ms{label}"] = Math.Round(Latency.Percentile(samples, 95), 2);
        }

        r["statsGrowthRatio"] = Math.Round((double)r["statsP95Ms10x"]! / Math.Max((double)r["statsP95Ms1x"]!, 0.001), 2);

        output.WriteLine("5/6 emergency latency: submit → every channel delivered, one at a time");
        var emergency = new List<double>();
        for (var i = 0; i < (quick ? 10 : 50); i++)
        {
            var item = BenchItems.Emergency(run, i, DateTimeOffset.UtcNow);
            clock.Restart();
            await SubmitAndWaitAsync(http, durable, [item], ct);
            emergency.Add(clock.Elapsed.TotalMilliseconds);
        }

        r["emergencyItems"] = emergency.Count;
        r["emergencyP50Ms"] = Math.Round(Latency.Percentile(emergency, 50), 1);
        r["emergencyP95Ms"] = Math.Round(Latency.Percentile(emergency, 95), 1);

        output.WriteLine("6/6 peak memory");
        r["peakRssMb"] = Math.Round(Latency.PeakRssMb(), 1);
        r["verdictPollSeconds"] = app.Configuration["Channels:Delivery:VerdictPollSeconds"];

        await WriteAsync(r, complete: true, ct);
        output.WriteLine(Table(r));
        return 0;
    }

    static async Task WriteAsync(Dictionary<string, object?> r, bool complete, CancellationToken ct)
    {
        r["complete"] = complete;
        r["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
        r["date"] = DateTimeOffset.UtcNow.ToString("O");
        Directory.CreateDirectory("bench");
        await File.WriteAllTextAsync("bench/results.json", JsonSerializer.Serialize(r, new JsonSerializerOptions { WriteIndented = true }), ct);
    }

    static async Task SubmitAndWaitAsync(HttpClient http, DurableTaskClient durable, IReadOnlyList<PublicationItem> items, CancellationToken ct)
    {
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (item, c) =>
        {
            using var response = await http.PostAsync("/api/publications",
                new StringContent(JsonSerializer.Serialize(item, ChannelsJson.Options), Encoding.UTF8, "application/json"), c);
            if ((int)response.StatusCode != 202) throw new InvalidOperationException($"{item.Id}: HTTP {(int)response.StatusCode}" +
                $" {await response.Content.ReadAsStringAsync(c)}");
        });
        // Everything is in flight before the waiting starts: throughput, not one-at-a-time latency.
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = ReplayRunner.WaitParallelism, CancellationToken = ct }, async (item,
            c) =>
            await durable.WaitForInstanceCompletionAsync(PublicationsApi.InstanceId(item.Id), c));
    }

    static async Task<(double Cold, List<double> Samples)> StatsLatencyAsync(HttpClient http, int year, int n, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await http.GetStringAsync($"/api/statistics/{year}", ct);
        var cold = clock.Elapsed.TotalMilliseconds;
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            clock.Restart();
            await http.GetStringAsync($"/api/statistics/{year}", ct);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (cold, samples);
    }

    /// <summary>Ten copies of the year's counted posts, straight into the counting index (the pipeline is measured above).</summary>
    static async Task WriteTenfoldYearAsync(CountingIndex counting, IReadOnlyList<PublicationItem> year, int target, CancellationToken ct)
    {
        for (var copy = 0; copy < 10; copy++)
        {
            var byMonth = year.GroupBy(i => ChinaTime.ToChina(i.PublishAt!.Value).Month);
            foreach (var month in byMonth)
            {
                var posts = month.SelectMany(i => i.Columns.Select(c => new CountedPost("website", $"{i.Id}-x{copy}", Metrics.Column, c))
                    .Append(new CountedPost("website", $"{i.Id}-x{copy}", Metrics.Item))).ToList();
                await counting.CountAsync(target, month.Key, posts, ct);
            }
        }
    }

    static string Table(Dictionary<string, object?> r) => $"""

    figure                               measured      target
    baseline fan-out orchestrations/s    {r["baselineOrchestrationsPerSecond"],10}      (reference)
    storage ceiling requests/s           {r["storageCeilingRequestsPerSecond"],10}      (what Azurite answers at all)
    pipeline items/s (5 channels)        {r["pipelineItemsPerSecond"],10}      ≥ 25% of baseline → ratio {r["pipelineToBaselineRatio"]}
      storage requests/item, ceiling     {r["pipelineStorageRequestsPerItem"],10}      ≤ 20 → at most {r["pipelineStorageCeilingItemsPerSecond"]} items/s
    2017 replay seconds ({r["replay2017Items"]} items)     {r["replay2017Seconds"],10}      ≤ 180
      storage requests/item, ceiling     {r["replayStorageRequestsPerItem"],10}      ≤ 8 → at most {r["replayStorageCeilingItemsPerSecond"]} items/s
      last ÷ first tenth rate            {r["replayLastToFirstTenthRate"],10}      ≥ 0.8 (last {r["replayLastTenthItemsPerSecond"]}/s)
    statistics p50/p95 ms at 1×          {r["statsP50Ms1x"]}/{r["statsP95Ms1x"]}      p95 ≤ 50 (cold {r["statsColdMs1x"]})
    statistics p50/p95 ms at 10×         {r["statsP50Ms10x"]}/{r["statsP95Ms10x"]}      p95 ≤ 200 (cold {r["statsColdMs10x"]}), growth {r["statsGrowthRatio"]}×
    emergency p50/p95 ms                 {r["emergencyP50Ms"]}/{r["emergencyP95Ms"]}      p95 ≤ 2000
    peak RSS MB                          {r["peakRssMb"],10}      ≤ 600
    written to bench/results.json
    """;
}
