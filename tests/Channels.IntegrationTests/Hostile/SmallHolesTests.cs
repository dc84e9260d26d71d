using System.Text;
using Channels.Local;
using Channels.Publishing.Api;
using Channels.Publishing.Ledger;
using Channels.Publishing.Monitoring;
using Channels.Publishing.Orchestration;
using Channels.Publishing.Reports;
using Channels.Publishing.Rules;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests.Hostile;

/// <summary>keys.env is never readable by others; the printed link holds the reader key; the health probe tells nothing.</summary>
public class SmallHolesTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeysFile_CreatedOwnerOnly_EvenWhenAWorldReadableOneWasThere_LinkCarriesTheReaderKey()
    {
        var dir = Directory.CreateTempSubdirectory("channels-keys-");
        var file = Path.Combine(dir.FullName, "keys.env");
        File.WriteAllText(file, "old");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var keys = new Dictionary<string, string> { ["CHANNELS_KEY_ADMIN"] = "admin-secret", ["CHANNELS_KEY_EDITOR"] = "editor-secret",
            ["CHANNELS_KEY_READER"] = "reader-secret" };
        var previous = Environment.GetEnvironmentVariable("CHANNELS_DATA");
        try
        {
            Environment.SetEnvironmentVariable("CHANNELS_DATA", dir.FullName);
            var output = new StringWriter();
            LocalKeys.Announce(keys, "http://127.0.0.1:7671", output);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Contains("CHANNELS_KEY_ADMIN=admin-secret", File.ReadAllText(file), StringComparison.Ordinal);
            var link = output.ToString().Split('\n').Single(l => l.Contains("/dashboard/#key=", StringComparison.Ordinal));
            Assert.Contains("#key=reader-secret", link, StringComparison.Ordinal);
            Assert.DoesNotContain("admin-secret", link, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHANNELS_DATA", previous);
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task Health_StorageDown_503WithAFixedMessage_NoExceptionText()
    {
        const string connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        var storage = new ChannelsStorage(Options.Create(new StorageOptions { ConnectionString = connection }));
        var ledger = new DeliveryLedger(storage, TimeProvider.System);
        var api = new StatisticsApi(new StatisticsService(storage, new CountingIndex(storage)),
            new RulesService(storage, ledger, Options.Create(new EscalationOptions()), Options.Create(new InterpretationOptions()), TimeProvider.System),
            storage, Options.Create(new ReportOptions()), TimeProvider.System);
        var ctx = new DefaultHttpContext();
        ctx.Response.Body = new MemoryStream();

        await api.HealthAsync(ctx);

        Assert.Equal(503, ctx.Response.StatusCode);
        var body = Encoding.UTF8.GetString(((MemoryStream)ctx.Response.Body).ToArray());
        Assert.Equal("{\"status\":\"unhealthy\",\"storage\":\"unavailable\"}", body);
    }
}
