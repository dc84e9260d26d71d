using System.Diagnostics;
using Channels.Local.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Grpc.Net.Client;

namespace Channels.Local.Bench;

/// <summary>The raw Durable baseline: one orchestration fanning out to five no-op activities, on the memory backend.</summary>
internal sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => context.CallActivityAsync<int>(nameof(NoOpActivity), i)));
        return results.Sum();
    }
}

internal sealed class NoOpActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}

internal static class BaselineFanOut
{
    /// <summary>Runs <paramref name="count"/> fan-out orchestrations on a fresh sidecar; returns orchestrations per second.</summary>
    public static async Task<double> MeasureAsync(int count)
    {
        using var logs = LoggerFactory.Create(l => l.SetMinimumLevel(LogLevel.Warning));
        await using var sidecar = await DurableSidecar.StartAsync("memory", "", logs);
        using var channel = GrpcChannel.ForAddress(sidecar.Address);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(channel);
            b.AddTasks(r => r.AddOrchestrator<FanOutOrchestrator>().AddActivity<NoOpActivity>());
            b.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = 200;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = 200;
            });
        });
        builder.Services.AddDurableTaskClient(b => b.UseGrpc(channel));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), i)));
        await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)));
        var rate = count / clock.Elapsed.TotalSeconds;
        await host.StopAsync();
        return rate;
    }
}
