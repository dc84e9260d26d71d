using Channels.Local.Durable;
using Grpc.Net.Client;

namespace Channels.Local;

/// <summary>
/// What the local host starts outside its container — the Durable sidecar, the gRPC channel to it and the embedded sandbox —
/// stopped asynchronously once every hosted service (the Durable worker and client among them) has stopped: StoppedAsync
/// of IHostedLifecycleService runs after all StopAsync calls, inside the host's shutdown timeout, with no blocking wait.
/// </summary>
internal sealed class LocalHostResources(GrpcChannel channel, DurableSidecar sidecar, WebApplication? sandbox) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        channel.Dispose();
        await sidecar.DisposeAsync();
        if (sandbox is not null)
        {
            await sandbox.StopAsync(cancellationToken);
            await sandbox.DisposeAsync();
        }
    }
}
