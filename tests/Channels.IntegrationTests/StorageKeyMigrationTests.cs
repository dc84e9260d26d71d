using Azure.Data.Tables;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests;

/// <summary>Rows under the earlier key shapes (publication row "item", ledger row = channel) move to unique row keys, once.</summary>
[Collection(ChannelsCollection.Name)]
public class StorageKeyMigrationTests(ChannelsHost host)
{
    [Fact]
    public async Task LegacyRows_MoveToUniqueRowKeys_AndTheStoresFindThem_OncePerAccount()
    {
        var storage = host.Services.GetRequiredService<ChannelsStorage>();
        await storage.EnsureCreatedAsync();
        var id = "legacy-" + Guid.NewGuid().ToString("N");
        await storage.Publications.AddEntityAsync(new TableEntity(id, PublicationRecord.LegacyItemRow)
        {
            ["Title"] = "旧键公告", ["Channels"] = "website,weibo", ["Status"] = PublicationStatus.Delivered, ["Year"] = 2017,
        });
        await storage.Deliveries.AddEntityAsync(new TableEntity(id, "website") { ["State"] = DeliveryState.Delivered, ["PlatformId"] = "items/x.html" });
        await storage.Deliveries.AddEntityAsync(new TableEntity(id, "weibo") { ["State"] = DeliveryState.Accepted, ["PlatformId"] = "5001" });
        // As if this account had never been migrated.
        await storage.ChannelState.DeleteEntityAsync(StorageKeyMigration.MarkerPartition, StorageKeyMigration.MarkerRow);

        Assert.True(await StorageKeyMigration.RunAsync(storage) >= 3);

        var record = await host.Services.GetRequiredService<PublicationStore>().FindAsync(id, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal("旧键公告", record.Title);
        var ledger = host.Services.GetRequiredService<DeliveryLedger>();
        var website = await ledger.FindAsync(id, "website", CancellationToken.None);
        Assert.Equal((DeliveryState.Delivered, "items/x.html", "website"), (website?.State, website?.PlatformId, website?.Channel));
        Assert.Equal(["website", "weibo"], (await ledger.ForItemAsync(id, CancellationToken.None)).Select(e => e.Channel).Order());
        Assert.False((await storage.Publications.GetEntityIfExistsAsync<TableEntity>(id, PublicationRecord.LegacyItemRow)).HasValue);
        Assert.False((await storage.Deliveries.GetEntityIfExistsAsync<TableEntity>(id, "website")).HasValue);
        Assert.Equal(StorageKeyMigration.CurrentVersion, await StorageKeyMigration.VersionAsync(storage));

        // Done once: a later start reads the marker and moves nothing, even if an old host wrote a legacy row meanwhile.
        await storage.Deliveries.AddEntityAsync(new TableEntity(id, "sms") { ["State"] = DeliveryState.Intent });
        Assert.Equal(0, await StorageKeyMigration.RunAsync(storage));
    }
}
