using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Attachments;

/// <summary>
/// Attachments kept once by content: the blob archive/attachments/&lt;sha256&gt; holds the bytes, and its metadata the
/// name, kind and hash, written in the same Put Blob (If-None-Match: *). A blob is visible only once that call completes
/// (a larger upload's staged blocks are invisible until their commit, which carries the metadata too), so an interrupted
/// upload leaves nothing, and the same bytes uploaded again find the first copy. The archive container is the legal
/// record (versioned, WORM in Azure): an attachment is never deleted there; withdrawing one removes its public copy only.
/// </summary>
public sealed class AttachmentStore(ChannelsStorage storage)
{
    readonly ConcurrentDictionary<string, AttachmentInfo> known = new(StringComparer.Ordinal);

    public static string BlobName(string sha256) => $"attachments/{sha256}";

    public BlobClient Blob(string sha256) => storage.Archive.GetBlobClient(BlobName(sha256));

    /// <summary>Stores the bytes unless they are there already; Created is false when the same bytes were stored before.</summary>
    public async Task<(AttachmentInfo Info, bool Created)> PutAsync(byte[] bytes, string name, AttachmentKind kind, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var info = new AttachmentInfo(AttachmentInfo.IdOf(sha), name, bytes.LongLength, kind.ContentType, kind.Name, sha);
        try
        {
            await Blob(sha).UploadAsync(new BinaryData(bytes), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = kind.ContentType, ContentHash = MD5.HashData(bytes) },
                Metadata = Metadata(info),
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            known[sha] = info;
            return (info, true);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return (await FindAsync(sha, ct) ?? throw new InvalidOperationException($"attachment {sha} exists but cannot be read"), false);
        }
    }

    /// <summary>The stored attachment with this hex digest, or null.</summary>
    public async Task<AttachmentInfo?> FindAsync(string sha256, CancellationToken ct)
    {
        if (known.TryGetValue(sha256, out var cached)) return cached;
        try
        {
            var props = (await Blob(sha256).GetPropertiesAsync(cancellationToken: ct)).Value;
            var m = props.Metadata;
            if (!m.TryGetValue("sha256", out var stored) || stored != sha256) return null;
            var info = new AttachmentInfo(AttachmentInfo.IdOf(sha256), Uri.UnescapeDataString(m.TryGetValue("name", out var n) ? n : sha256),
                props.ContentLength, props.ContentType, m.TryGetValue("kind", out var k) ? k : "", sha256);
            return known[sha256] = info;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>By id ("sha256:…"); null for an id that is not well formed or not stored.</summary>
    public Task<AttachmentInfo?> FindByIdAsync(string? id, CancellationToken ct) =>
        AttachmentInfo.HashOf(id) is { } sha ? FindAsync(sha, ct) : Task.FromResult<AttachmentInfo?>(null);

    // Blob metadata values are ASCII: the name travels URL-encoded.
    static Dictionary<string, string> Metadata(AttachmentInfo info) => new()
    {
        ["sha256"] = info.Sha256,
        ["name"] = Uri.EscapeDataString(info.Name),
        ["kind"] = info.Kind,
    };
}
