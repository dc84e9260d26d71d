using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Items;

namespace Channels.Publishing.Storage;

/// <summary>
/// Writes generated HTML pages to blob storage safely under retries: content pages are created once
/// (If-None-Match: *, hash in metadata); listing pages are derived from their ListingBook document, whose
/// updates are the ones guarded with If-Match.
/// </summary>
public static class PageWriter
{
    public const string HtmlType = "text/html; charset=utf-8";
    public const string XmlType = "application/xml; charset=utf-8";
    public const string RssType = "application/rss+xml; charset=utf-8";
    public const string AtomType = "application/atom+xml; charset=utf-8";

    /// <summary>Creates the page; if it exists with the same hash that is success, with another hash it is replaced.</summary>
    public static Task WriteContentAsync(BlobContainerClient container, string path, string html, CancellationToken ct) =>
        WriteContentOnceAsync(container, path, html, ct);

    /// <summary>As <see cref="WriteContentAsync"/>; true when the page was already there (this is a retry or a re-send).</summary>
    public static async Task<bool> WriteContentOnceAsync(BlobContainerClient container, string path, string html, CancellationToken ct)
    {
        var blob = container.GetBlobClient(path);
        var hash = ContentHash.OfText(html);
        try
        {
            await blob.UploadAsync(BinaryData.FromString(html), Options(hash, HtmlType, new BlobRequestConditions { IfNoneMatch = ETag.All }), ct);
            return false;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var props = await blob.GetPropertiesAsync(cancellationToken: ct);
            if (props.Value.Metadata.TryGetValue("sha256", out var existing) && existing == hash) return true;
            await blob.UploadAsync(BinaryData.FromString(html), Options(hash, HtmlType, new BlobRequestConditions { IfMatch = props.Value.ETag }), ct);
            return true;
        }
    }

    /// <summary>Writes a derived page (a listing rendered from its <see cref="ListingBook"/> document) over whatever is there.</summary>
    public static Task OverwriteAsync(BlobContainerClient container, string path, string html, CancellationToken ct) =>
        OverwriteAsync(container, path, html, HtmlType, ct);

    /// <summary>Writes a derived document (page, feed, sitemap) of the given Content-Type over whatever is there.</summary>
    public static Task OverwriteAsync(BlobContainerClient container, string path, string text, string contentType, CancellationToken ct) =>
        container.GetBlobClient(path).UploadAsync(BinaryData.FromString(text), Options(ContentHash.OfText(text), contentType, new BlobRequestConditions()), ct);

    static BlobUploadOptions Options(string hash, string contentType, BlobRequestConditions conditions) => new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=60" },
        Metadata = new Dictionary<string, string> { ["sha256"] = hash },
        Conditions = conditions,
    };
}
