using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Channels.Local.Durable;

/// <summary>
/// The embedded Durable Task runtime of the local host: the gRPC sidecar from Microsoft.DurableTask.InProcessTestHost
/// over either the Azure Storage service Durable Functions uses in production (on Azurite; the default, see
/// <see cref="DurableBackend"/>) or the in-memory service (tests and benchmarks that ask for it), listening on a free
/// loopback port with HTTP/2.
/// </summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    readonly WebApplication app;

    DurableSidecar(WebApplication app, string address, string backend)
    {
        this.app = app;
        Address = address;
        Backend = backend;
    }

    public string Address { get; }

    public string Backend { get; }

    public static async Task<DurableSidecar> StartAsync(string backend, string storageConnectionString, ILoggerFactory loggerFactory,
        CancellationToken ct = default)
    {
        var (service, client) = await CreateServiceAsync(backend, storageConnectionString, loggerFactory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(ct);
        return new DurableSidecar(app, app.Urls.First(), backend);
    }

    static async Task<(IOrchestrationService, IOrchestrationServiceClient)> CreateServiceAsync(string backend, string connectionString,
        ILoggerFactory loggerFactory)
    {
        switch (backend)
        {
            case "memory":
                var memory = new InMemoryOrchestrationService(loggerFactory);
                var raised = new ConcurrencyRaisingService(memory, memory, 100_000);
                return (raised, raised);
            case "azurestorage":
                var settings = new AzureStorageOrchestrationServiceSettings
                {
                    TaskHubName = "channelslocal",
                    StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
                    MaxConcurrentTaskOrchestrationWorkItems = 1000,
                    MaxConcurrentTaskActivityWorkItems = 1000,
                    // The sidecar never renews locks: keep messages invisible longer than the longest activity.
                    WorkItemQueueVisibilityTimeout = TimeSpan.FromMinutes(5),
                    ControlQueueVisibilityTimeout = TimeSpan.FromMinutes(5),
                    LoggerFactory = loggerFactory,
                };
                var azure = new AzureStorageOrchestrationService(settings);
                await azure.CreateIfNotExistsAsync();
                var copying = new TagCopyingService<AzureStorageOrchestrationService>(azure);
                return (copying, copying);
            default:
                throw new ArgumentException($"unknown Durable backend '{backend}' (memory | azurestorage)", nameof(backend));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
