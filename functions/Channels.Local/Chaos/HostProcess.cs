using System.Diagnostics;

namespace Channels.Local.Chaos;

/// <summary>
/// A local host in a child process (the same Channels.Local.dll in serve mode), so a scenario can SIGKILL it
/// mid-run and start it again on the same storage. Output goes to a log file for the post-mortem.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    readonly Process process;

    HostProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<HostProcess> StartAsync(IReadOnlyList<string> args, string log, CancellationToken ct)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(HostProcess).Assembly.Location);
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the host process");
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the host exited with {process.ExitCode}; see {log}");
            try
            {
                if ((await http.GetAsync($"{host.Url}/api/health", ct)).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"the host did not answer within 60 s; see {log}");
    }

    /// <summary>SIGKILL: no shutdown, no flush — what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
