using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Items;

namespace Channels.Publishing.Storage;

/// <summary>
/// Writes generated HTML pages to blob storage safely under retries and concurrent runs:
/// content pages are created once (If-None-Match: *, hash in metadata), listing pages are regenerated
/// with If-Match so two runs never overwrite each other's additions.
/// </summary>
public static class PageWriter
{
    const string HtmlType = "text/html; charset=utf-8";

    /// <summary>Creates the page; if it exists with the same hash that is success, with another hash it is replaced.</summary>
    public static async Task WriteContentAsync(BlobContainerClient container, string path, string html, CancellationToken ct)
    {
        var blob = container.GetBlobClient(path);
        var hash = ContentHash.OfText(html);
        try
        {
            await blob.UploadAsync(BinaryData.FromString(html), Options(hash, new BlobRequestConditions { IfNoneMatch = ETag.All }), ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var props = await blob.GetPropertiesAsync(cancellationToken: ct);
            if (props.Value.Metadata.TryGetValue("sha256", out var existing) && existing == hash) return;
            await blob.UploadAsync(BinaryData.FromString(html), Options(hash, new BlobRequestConditions { IfMatch = props.Value.ETag }), ct);
        }
    }

    /// <summary>Regenerates a listing page from current data; retried when another writer got there first.</summary>
    public static async Task RegenerateAsync(BlobContainerClient container, string path, Func<CancellationToken, Task<string>> render, CancellationToken ct)
    {
        var blob = container.GetBlobClient(path);
        for (var attempt = 0; ; attempt++)
        {
            ETag? etag = null;
            try
            {
                etag = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value.ETag;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }

            var html = await render(ct);
            var conditions = etag is { } t ? new BlobRequestConditions { IfMatch = t } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await blob.UploadAsync(BinaryData.FromString(html), Options(ContentHash.OfText(html), conditions), ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                await Task.Delay(Random.Shared.Next(5, 50), ct);
            }
        }
    }

    static BlobUploadOptions Options(string hash, BlobRequestConditions conditions) => new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = HtmlType, CacheControl = "public, max-age=60" },
        Metadata = new Dictionary<string, string> { ["sha256"] = hash },
        Conditions = conditions,
    };
}
