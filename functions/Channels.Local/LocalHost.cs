using Channels.Local.Durable;
using Channels.Publishing;
using Channels.Publishing.Api;
using Channels.Publishing.Api.Limits;
using Channels.Publishing.Orchestration;
using Channels.Publishing.Storage;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;

namespace Channels.Local;

/// <summary>
/// The local host: the same HTTP API as the Function App, over the embedded Durable runtime, plus the static
/// site served from $web under /site/ (Azurite has no static-website endpoint).
/// Settings (environment or args): CHANNELS_PORT (7071), CHANNELS_BACKEND (azurestorage, the default: the Durable Task
/// Azure Storage provider on the same Azurite as the ledger, so timers and in-flight work survive a restart; memory: the
/// in-memory test engine, an explicit opt-in for tests and benchmarks — a restart loses its timers), and the
/// Channels:* sections of the core (Channels__Storage__ConnectionString, …), and Channels:RateLimit:* (per client IP and
/// role; loopback exempt by default — see <see cref="RateLimitOptions"/>).
/// </summary>
public static class LocalHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration["CHANNELS_PORT"] ?? "7071"}");
        }

        // Backstop above every handler's own limit (1 MB for JSON, Channels:Attachments:MaxBytes for an upload): no endpoint
        // reads more than this, whatever it is. Well above it, so an oversized body gets the handler's 413 problem+json rather
        // than Kestrel cutting the connection mid-upload (a client still writing a 5 MB chunked body saw a broken pipe with a 2 MB cap).
        var uploads = builder.Configuration.GetValue<long?>("Channels:Attachments:MaxBytes") ?? Publishing.Attachments.AttachmentOptions.DefaultMaxBytes;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(16 * 1024 * 1024, uploads + 16 * 1024 * 1024));
        configure?.Invoke(builder);
        var sandbox = await EmbeddedSandbox.StartIfWantedAsync(builder);
        Demo.DemoOffice.ApplyDefaults(builder);
        // The sandbox's addresses and credentials, explicitly, in the sandbox profile only (the embedded sandbox implies it).
        Channels.Publishing.Configuration.SandboxProfile.Apply(builder.Configuration, impliedByEmbeddedSandbox: sandbox is not null);
        var backend = DurableBackend.From(builder.Configuration["CHANNELS_BACKEND"]);
        var connection = builder.Configuration[$"{StorageOptions.SectionName}:ConnectionString"] ?? "UseDevelopmentStorage=true";
        var sidecar = await DurableSidecar.StartAsync(backend, connection, LoggerFactory.Create(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning)));
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        Console.Error.WriteLine(DurableBackend.Describe(backend));

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddChannelsCore();
        builder.Services.AddChannelsRateLimiting();
        builder.Services.AddSingleton(sidecar);
        // Stops the sidecar, its channel and the embedded sandbox asynchronously after every hosted service has stopped.
        builder.Services.AddHostedService(_ => new LocalHostResources(channel, sidecar, sandbox));
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(channel);
            b.AddTasks(ChannelsTasks.Register);
            b.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = 200;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = 200;
            });
        });
        builder.Services.AddDurableTaskClient(b => b.UseGrpc(channel));
        builder.Services.AddHostedService<WeChatDigestScheduler>();
        // The in-memory engine keeps nothing past the process, and has no purge.
        if (backend == DurableBackend.AzureStorage) builder.Services.AddHostedService<PurgeScheduler>();
        // The local host never trusts X-MS-CLIENT-PRINCIPAL: no Easy Auth stands in front of it to strip a forged one.
        builder.Services.AddSingleton(Channels.Publishing.Api.Access.EasyAuthPlatform.Off);

        var app = builder.Build();
        app.UseChannelsSecurityHeaders();
        app.UseRateLimiter();
        app.MapLocalHost();
        return app;
    }
}
