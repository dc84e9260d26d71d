using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Channels.IntegrationTests;

/// <summary>A real Azurite (tools/azurite, installed by ./channels test) on free loopback ports, in memory, for one test run.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    readonly Process process;

    AzuriteProcess(Process process, int blob, int queue, int table)
    {
        this.process = process;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4" +
            "I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1" +
                $":{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync()
    {
        var bin = Path.Combine(RepoRoot.Path, "tools", "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(bin)) throw new InvalidOperationException($"Azurite is not installed at {bin}: run ./channels test (it runs npm ci in tools/azurite)");
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var start = new ProcessStartInfo(bin)
        {
            ArgumentList =
            {
                "--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Azurite");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blob, queue, table);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 150; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with {process.ExitCode}");
            try
            {
                await http.GetAsync($"http://127.0.0.1:{table}/devstoreaccount1/Tables");
                await http.GetAsync($"http://127.0.0.1:{blob}/devstoreaccount1?comp=list");
                return azurite;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        await azurite.DisposeAsync();
        throw new InvalidOperationException("Azurite did not answer within 30 s");
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}

internal static class RepoRoot
{
    public static readonly string Path = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Channels.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Channels.sln not found above " + AppContext.BaseDirectory);
    }
}
