using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Publishing.Storage;

/// <summary>Small JSON documents in blobs, read with their ETag and written only under a condition.</summary>
public static class BlobJson
{
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
    public static async Task<bool> TryWriteAsync<T>(BlobClient blob, T value, ETag? etag, CancellationToken ct)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(value, ChannelsJson.Options), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = etag is { } t ? new BlobRequestConditions { IfMatch = t } : new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
