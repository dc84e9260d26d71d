using Channels.Publishing.Columns;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests.Columns;

/// <summary>
/// Two processes' catalogues over one storage account (two Function App instances): a column added on one is accepted
/// on the other at once; a retirement reaches the other when its copy is older than the cache time. Runs on the catalogue
/// host's Azurite under a storage prefix of its own, so the host's catalogue is not touched.
/// </summary>
[Collection(CatalogueCollection.Name)]
public class CatalogueInstancesTests(CatalogueHost host)
{
    sealed class StepClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Another process over the same account: its start-up creates the prefix's tables and containers, as a host's would.</summary>
    async Task<ColumnCatalogue> InstanceAsync(string prefix, TimeProvider clock)
    {
        var storage = new ChannelsStorage(Options.Create(new StorageOptions { ConnectionString = host.StorageConnectionString, Prefix = prefix }));
        await storage.EnsureCreatedAsync();
        return new(storage, new ConfigurationBuilder().Build(), clock, NullLogger<ColumnCatalogue>.Instance);
    }

    [Fact]
    public async Task AddedColumn_AcceptedEverywhereAtOnce_RetirementWithinTheCacheTime()
    {
        var prefix = "mi" + Guid.NewGuid().ToString("N")[..8];
        var clock = new StepClock();
        var a = await InstanceAsync(prefix, clock);
        var b = await InstanceAsync(prefix, clock);
        Assert.Equal(0, (await b.CurrentAsync()).Version); // b caches the default

        var added = await a.ReplaceAsync([new ColumnInput { Name = "镇街动态", Kind = "news" }, new ColumnInput { Name = "通知公告" }], "admin", "api");
        Assert.Equal(1, added.Next!.Version);
        Assert.NotNull((await a.ForNamesAsync(["镇街动态"], activeOnly: true)).FindActive("镇街动态")); // same process: at once
        Assert.NotNull((await b.ForNamesAsync(["镇街动态"], activeOnly: true)).FindActive("镇街动态")); // other process: re-read on the miss

        await a.ReplaceAsync([new ColumnInput { Name = "镇街动态", Kind = "news" }], "admin", "api");
        clock.Now += TimeSpan.FromSeconds(5);
        Assert.NotNull((await b.ForNamesAsync(["通知公告"], activeOnly: true)).FindActive("通知公告")); // the documented window
        Assert.Null((await a.ForNamesAsync(["通知公告"], activeOnly: true)).FindActive("通知公告"));
        clock.Now += ColumnCatalogue.Ttl;
        var later = await b.CurrentAsync();
        Assert.Equal(2, later.Version);
        Assert.Null(later.FindActive("通知公告"));
        Assert.Equal(2, (await (await InstanceAsync(prefix, clock)).CurrentAsync()).History.Count);
    }
}
