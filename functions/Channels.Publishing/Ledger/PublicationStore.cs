using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Ledger;

/// <summary>
/// Submitted items: the archived copy (blob archive/items/{id}/{hash}.json, written once) and the publication row.
/// The row is the claim on an id: the first content wins, a different one later is a conflict.
/// </summary>
public sealed class PublicationStore(ChannelsStorage storage)
{
    const int CacheLimit = 20_000;
    readonly LruCache<string, ArchivedItem> archived = new(CacheLimit, StringComparer.Ordinal);

    /// <summary>
    /// The immutable part of a publication (id, content hash, dates, archived item), cached: an id never changes
    /// content once claimed, so every delivery step after the first reads it from memory.
    /// </summary>
    /// <summary>Primes the cache with an item just claimed here, so its deliveries need not read it back.</summary>
    public void Remember(ArchivedItem item) => archived.Set(item.Id, item);

    public async Task<ArchivedItem> GetArchivedAsync(string id, CancellationToken ct)
    {
        if (archived.TryGet(id, out var hit)) return hit;
        var record = await FindAsync(id, ct) ?? throw new InvalidOperationException($"publication {id} not found");
        var item = await LoadItemAsync(record, ct);
        return archived.Set(id, new ArchivedItem(record.Id, record.ContentHash, record.Year, record.PublishAt, item));
    }

    public async Task<PublicationRecord?> FindAsync(string id, CancellationToken ct)
    {
        var r = await storage.Publications.GetEntityIfExistsAsync<PublicationRecord>(id, PublicationRecord.RowOf(id), cancellationToken: ct);
        return r.HasValue ? r.Value : null;
    }

    public async Task<string> ArchiveAsync(PublicationItem item, string hash, CancellationToken ct)
    {
        var name = $"items/{item.Id}/{hash}.json";
        var blob = storage.Archive.GetBlobClient(name);
        var json = JsonSerializer.SerializeToUtf8Bytes(item, ChannelsJson.Options);
        try
        {
            await blob.UploadAsync(new BinaryData(json), new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { ["sha256"] = hash },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Same name means same content hash: already archived.
        }

        return name;
    }

    /// <summary>Adds the row; false when a row for this id is already there.</summary>
    public async Task<bool> TryAddAsync(PublicationRecord record, CancellationToken ct)
    {
        try
        {
            await storage.Publications.AddEntityAsync(record, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Sets the status with one merge, without reading the row first: the time it was entered (ScheduledAt,
    /// PublishingAt, RetractedAt…, or CompletedAt when <paramref name="completed"/>) and, when given, the channels' states.
    /// </summary>
    public async Task UpdateStatusAsync(
        string id, string status, DateTimeOffset at, bool completed, string? channelStates, CancellationToken ct, IDictionary<string, object>? extra = null)
    {
        var patch = new Azure.Data.Tables.TableEntity(id, PublicationRecord.RowOf(id)) { [nameof(PublicationRecord.Status)] = status };
        foreach (var (k, v) in extra ?? new Dictionary<string, object>()) patch[k] = v;
        if (PublicationRecord.StatusTimeColumn(status) is { } column) patch[column] = at;
        if (completed) patch[nameof(PublicationRecord.CompletedAt)] = at;
        if (channelStates is not null) patch[nameof(PublicationRecord.ChannelStates)] = channelStates;
        await storage.Publications.UpdateEntityAsync(patch, ETag.All, Azure.Data.Tables.TableUpdateMode.Merge, ct);
    }

    /// <summary>Merges a few properties into the publication row (retraction reason, schedule changes).</summary>
    public Task PatchAsync(string id, IDictionary<string, object> values, CancellationToken ct)
    {
        var patch = new Azure.Data.Tables.TableEntity(id, PublicationRecord.RowOf(id));
        foreach (var (k, v) in values) patch[k] = v;
        return storage.Publications.UpdateEntityAsync(patch, ETag.All, Azure.Data.Tables.TableUpdateMode.Merge, ct);
    }

    /// <summary>Appends a publication-level event (moved, cancelled, escalated) and merges <paramref name="values"/>, If-Match retried.</summary>
    public async Task AppendEventAsync(string id, DeliveryEvent e, IDictionary<string, object>? values, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await FindAsync(id, ct) ?? throw new InvalidOperationException($"publication {id} not found");
            var events = string.IsNullOrEmpty(record.Events) ? [] : JsonSerializer.Deserialize<List<DeliveryEvent>>(record.Events, ChannelsJson.Options) ?? [];
            if (events.Any(x => x.State == e.State && x.Note == e.Note)) return;
            events.Add(e);
            var patch = new Azure.Data.Tables.TableEntity(id, PublicationRecord.RowOf(id))
            {
                [nameof(PublicationRecord.Events)] = JsonSerializer.Serialize(events, ChannelsJson.Options),
            };
            foreach (var (k, v) in values ?? new Dictionary<string, object>()) patch[k] = v;
            try
            {
                await storage.Publications.UpdateEntityAsync(patch, record.ETag, Azure.Data.Tables.TableUpdateMode.Merge, ct);
                return;
            }
            catch (RequestFailedException x) when (x.Status == 412 && attempt < 10)
            {
            }
        }
    }

    public static IReadOnlyList<DeliveryEvent> EventsOf(PublicationRecord record) =>
        string.IsNullOrEmpty(record.Events) ? [] : JsonSerializer.Deserialize<List<DeliveryEvent>>(record.Events, ChannelsJson.Options) ?? [];

    public async Task<PublicationItem> LoadItemAsync(PublicationRecord record, CancellationToken ct)
    {
        var content = await storage.Archive.GetBlobClient(record.ArchiveBlob).DownloadContentAsync(ct);
        return JsonSerializer.Deserialize<PublicationItem>(content.Value.Content.ToString(), ChannelsJson.Options)
            ?? throw new InvalidOperationException($"archived item {record.ArchiveBlob} is empty");
    }

}

/// <summary>What never changes about a publication once its id is claimed.</summary>
public sealed record ArchivedItem(string Id, string ContentHash, int Year, DateTimeOffset PublishAt, PublicationItem Item);
