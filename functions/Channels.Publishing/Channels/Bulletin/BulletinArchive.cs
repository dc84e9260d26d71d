using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// The sanitised documents behind the issues and the gazette, one small JSON blob per item in the archive
/// container (bulletin/documents/{id}.json). Written create-once (If-None-Match: *, sha256 in metadata; the same
/// content again is success), read back in parallel when an issue or a gazette is recomposed. Documents this process
/// has written or read are kept in memory (bounded), so recomposing a month after each batch reads only the new ones.
/// </summary>
public sealed class BulletinArchive(ChannelsStorage storage)
{
    const int ReadParallelism = 8;
    const int CacheLimit = 5_000;
    readonly LruCache<string, BulletinDocument> cache = new(CacheLimit, StringComparer.Ordinal);

    void Remember(BulletinDocument doc) => cache.Set(doc.Id, doc);

    static string PathOf(string id) => $"bulletin/documents/{id}.json";

    public async Task SaveAsync(BulletinDocument doc, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(doc, ChannelsJson.Options);
        var hash = ContentHash.OfText(json);
        var blob = storage.Archive.GetBlobClient(PathOf(doc.Id));
        BlobUploadOptions Options(BlobRequestConditions conditions) => new()
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Metadata = new Dictionary<string, string> { ["sha256"] = hash },
            Conditions = conditions,
        };

        try
        {
            await blob.UploadAsync(BinaryData.FromString(json), Options(new BlobRequestConditions { IfNoneMatch = ETag.All }), ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var props = await blob.GetPropertiesAsync(cancellationToken: ct);
            if (!props.Value.Metadata.TryGetValue("sha256", out var existing) || existing != hash)
                await blob.UploadAsync(BinaryData.FromString(json), Options(new BlobRequestConditions { IfMatch = props.Value.ETag }), ct);
        }

        Remember(doc);
    }

    /// <summary>The documents of <paramref name="ids"/> in that order; an id without a document is left out.</summary>
    public async Task<IReadOnlyList<BulletinDocument>> LoadAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var docs = new BulletinDocument?[ids.Count];
        var missing = Enumerable.Range(0, ids.Count).Where(i => !cache.TryGet(ids[i], out docs[i])).ToList();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct }, async (i, c) =>
        {
            try
            {
                var content = await storage.Archive.GetBlobClient(PathOf(ids[i])).DownloadContentAsync(c);
                docs[i] = JsonSerializer.Deserialize<BulletinDocument>(content.Value.Content.ToString(), ChannelsJson.Options);
                if (docs[i] is { } doc) Remember(doc);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        });
        return [.. docs.OfType<BulletinDocument>()];
    }
}
