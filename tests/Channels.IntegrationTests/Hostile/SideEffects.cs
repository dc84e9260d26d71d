using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Channels.Publishing.Api;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests.Hostile;

/// <summary>
/// Everything a request could have set in motion, taken before and after it: sandbox journal entries (any channel
/// call), the number of publication rows, and for the item's id its publication (content hash), ledger rows,
/// archived copies and publish orchestration.
/// </summary>
internal sealed record SideEffects(int JournalEntries, int Publications, string? Publication, int LedgerRows, int Archived, string? Orchestration)
{
    public bool NothingForItem => Publication is null && LedgerRows == 0 && Archived == 0 && Orchestration is null;

    public static async Task<SideEffects> TakeAsync(ChannelsHost host, string? id)
    {
        // Receipt pulls are not caused by any request: the SMS follow-up makes them on its own clock (every 0.5 s here).
        var journal = (await host.JournalAllAsync()).Count(e => e.GetProperty("api").GetString() != "PullSmsSendStatus");
        var publications = new TableClient(host.StorageConnectionString, "publications").Query<TableEntity>(select: ["PartitionKey"]).Count();
        if (string.IsNullOrEmpty(id)) return new(journal, publications, null, 0, 0, null);

        // Storage refuses keys and names with control characters outright; the row count above covers such ids.
        if (id.Any(char.IsControl)) return new(journal, publications, null, 0, 0, null);

        var ledger = new TableClient(host.StorageConnectionString, "deliveries").Query<TableEntity>(e => e.PartitionKey == id, select: ["PartitionKey"])
            .Count();
        var archived = new BlobContainerClient(host.StorageConnectionString, "archive").GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, $"items/{id}/", default).Count();
        var instance = await host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(PublicationsApi.InstanceId(id));
        return new(journal, publications, await PublicationAsync(host, id), ledger, archived, instance?.CreatedAt.ToString("O"));
    }

    /// <summary>
    /// Waits until no channel call has been journalled for a few seconds, so deliveries other tests started do not
    /// count as this request's doing. Receipt pulls are left out: the SMS follow-up makes them on its own clock, for days.
    /// </summary>
    public static async Task WaitQuietAsync(ChannelsHost host)
    {
        await Eventually.LastAsync(
            async () => (await host.JournalAllAsync()).Where(e => e.GetProperty("api").GetString() != "PullSmsSendStatus")
                .Select(e => e.GetProperty("at").GetDateTime()).DefaultIfEmpty(DateTime.MinValue).Max(),
            last => DateTime.UtcNow - last > TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250));
    }

    /// <summary>The publication's content hash as the API shows it, null on 404.</summary>
    static async Task<string?> PublicationAsync(ChannelsHost host, string id)
    {
        using var response = await host.Api.GetAsync(PublicationsApi.StatusUrl(id));
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {PublicationsApi.StatusUrl(id)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("contentHash").GetString();
    }
}
