using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Storage;

/// <summary>
/// Creates every table and container once, at start-up, before anything else starts (it is the first hosted service of
/// the core, so the Durable worker, the schedulers and the HTTP server start after it) — on both hosts, since both call
/// AddChannelsCore. The stores then assume their tables exist; nothing creates on first use any more. With
/// Channels:Storage:CreateResources=false (Azure: the infrastructure declares them) it does nothing. Storage that is not
/// up yet (Azurite still starting) is retried for <see cref="Patience"/>, then the start fails naming the storage.
/// </summary>
public sealed class StorageInitializer(ChannelsStorage storage, ILogger<StorageInitializer> log, TimeProvider time) : IHostedService
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var giveUp = time.GetUtcNow() + Patience;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && time.GetUtcNow() < giveUp)
            {
                log.LogWarning("storage not ready at start-up (attempt {Attempt}: {Error}); retrying", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), time, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"Channels:Storage: the tables and containers could not be created within {Patience.TotalSeconds:0} s: {e.Message}", e);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
