using Channels.Publishing.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>
/// One storage initialiser at start-up: on an empty account (a prefix of its own on the shared Azurite) it creates every
/// table and container the stores use; with storage unreachable it gives up naming the storage rather than starting half-made.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class StorageInitializerTests(ChannelsHost host)
{
    /// <summary>Each reading of the time is a minute later than the one before: the patience runs out at the first failure.</summary>
    sealed class RushingClock : TimeProvider
    {
        DateTimeOffset now = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => now += TimeSpan.FromMinutes(3);
    }

    [Fact]
    public async Task EmptyAccount_EveryTableAndContainerExistsAfterStart()
    {
        var prefix = "si" + Guid.NewGuid().ToString("N")[..8];
        var storage = new ChannelsStorage(Options.Create(new StorageOptions { ConnectionString = host.StorageConnectionString, Prefix = prefix }));
        var tables = new[] { storage.Publications, storage.Deliveries, storage.Delivered, storage.StatVersions, storage.SmsReceipts,
            storage.ChannelState, storage.Alerts, storage.SmsAudiences, storage.SmsOptOuts };
        var containers = new[] { storage.Archive, storage.Bulletin };
        foreach (var c in containers) Assert.False(await c.ExistsAsync());

        await new StorageInitializer(storage, NullLogger<StorageInitializer>.Instance, TimeProvider.System).StartAsync(CancellationToken.None);

        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var t in storage.TableService.QueryAsync()) names.Add(t.Name);
        Assert.All(tables, t => Assert.Contains(t.Name, names));
        foreach (var c in containers.Append(storage.Web)) Assert.True(await c.ExistsAsync(), c.Name);
        // A store works on them straight away, with nothing creating on first use.
        await storage.Publications.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));
    }

    [Fact]
    public async Task StorageUnreachable_StartFailsNamingTheStorage()
    {
        const string connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        var storage = new ChannelsStorage(Options.Create(new StorageOptions { ConnectionString = connection }));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new StorageInitializer(storage, NullLogger<StorageInitializer>.Instance, new RushingClock()).StartAsync(CancellationToken.None));
        Assert.Contains("Channels:Storage", e.Message, StringComparison.Ordinal);
    }
}
