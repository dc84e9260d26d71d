using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Publishing.Storage;

/// <summary>Small JSON documents in blobs, read with their ETag and written only under a condition.</summary>
public static class BlobJson
{
    const int UpdateAttempts = 50;

    /// <summary>The document and its ETag, or (null, null) when there is none.</summary>
    public static async Task<(T? Value, ETag? ETag)> ReadAsync<T>(BlobClient blob, CancellationToken ct) where T : class
    {
        try
        {
            var content = await blob.DownloadContentAsync(ct);
            return (JsonSerializer.Deserialize<T>(content.Value.Content.ToString(), ChannelsJson.Options), content.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }

    /// <summary>Writes if the blob still has <paramref name="etag"/> (or, when null, does not exist yet); false when it changed.</summary>
    public static async Task<bool> TryWriteAsync<T>(BlobClient blob, T value, ETag? etag, CancellationToken ct) =>
        await WriteAsync(blob, value, etag, ct) is not null;

    /// <summary>Like <see cref="TryWriteAsync"/>, returning the new ETag, or null when the blob changed.</summary>
    public static async Task<ETag?> WriteAsync<T>(BlobClient blob, T value, ETag? etag, CancellationToken ct)
    {
        try
        {
            var response = await blob.UploadAsync(BinaryData.FromObjectAsJson(value, ChannelsJson.Options), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = etag is { } t ? new BlobRequestConditions { IfMatch = t } : new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return response.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// The read-modify-write loop: reads the document (from <paramref name="cache"/> when it holds the last version
    /// this process wrote or read), lets <paramref name="change"/> compute the next version (null: nothing to write),
    /// writes it If-Match the ETag read, and on a conflict reads again after a short random pause. Returns what
    /// <paramref name="change"/> returned for the version that was written.
    /// </summary>
    public static async Task<TResult> UpdateAsync<T, TResult>(BlobClient blob, Func<T?, (T? Next, TResult Result)> change, BlobJsonCache<T>? cache,
        CancellationToken ct) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var (current, etag) = cache is null ? await ReadAsync<T>(blob, ct) : await cache.ReadAsync(blob, ct);
            var (next, result) = change(current);
            if (next is null) return result;
            if (cache is null ? await TryWriteAsync(blob, next, etag, ct) : await cache.TryWriteAsync(blob, next, etag, ct)) return result;
            if (attempt >= UpdateAttempts) throw new InvalidOperationException($"{blob.Name}: the document kept changing ({attempt} conflicts)");
            await Task.Delay(Random.Shared.Next(5, 40), ct);
        }
    }
}

/// <summary>
/// The last version of some JSON documents that this process read or wrote, with its ETag (bounded, least recently
/// used first out). A read served from here saves a download; it may be stale when another host wrote since, which
/// the conditional write finds (412) — the entry is then dropped and the next read goes to storage. Cached values
/// are shared: callers must treat them as read-only.
/// </summary>
public sealed class BlobJsonCache<T>(int capacity) where T : class
{
    readonly LruCache<string, (T Value, ETag ETag)> entries = new(capacity, StringComparer.Ordinal);

    static string Key(BlobClient blob) => blob.BlobContainerName + "/" + blob.Name;

    public async Task<(T? Value, ETag? ETag)> ReadAsync(BlobClient blob, CancellationToken ct)
    {
        if (entries.TryGet(Key(blob), out var hit)) return (hit.Value, hit.ETag);
        var (value, etag) = await BlobJson.ReadAsync<T>(blob, ct);
        if (value is not null && etag is { } t) entries.Set(Key(blob), (value, t));
        return (value, etag);
    }

    public async Task<bool> TryWriteAsync(BlobClient blob, T value, ETag? etag, CancellationToken ct)
    {
        if (await BlobJson.WriteAsync(blob, value, etag, ct) is { } written)
        {
            entries.Set(Key(blob), (value, written));
            return true;
        }

        entries.Remove(Key(blob));
        return false;
    }
}
