using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Proof;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Attachments;

/// <summary>
/// An item's attachments on the public site. Publishing one records the item's use of it (table attachmentuses: partition
/// = SHA-256, row = item id, with the public path), then copies the file from the archive to $web at its
/// <see cref="PublicAttachment.Path"/> — before the item page is written, so no link dangles. Withdrawing (retraction)
/// removes the item's use, and deletes the public file unless another live item still offers the same file at the same
/// path; it reports in Chinese what it did, for the retraction record. Copies are create-once and safe to repeat.
/// </summary>
public sealed class AttachmentLinks(AttachmentStore store, ChannelsStorage storage, IOptions<WebsiteOptions> site)
{
    public AttachmentStore Store => store;

    /// <summary>The item's attachments as published (none: empty). A reference to a file that is not stored throws: it was checked at submission.</summary>
    public Task<IReadOnlyList<PublicAttachment>> ResolveAsync(PublicationItem item, CancellationToken ct) => ResolveAsync(item, skipUnknown: false, ct);

    /// <summary>
    /// As <see cref="ResolveAsync(PublicationItem, CancellationToken)"/> for an item not yet checked (a preview): references that are
    /// malformed or not stored are left out (<see cref="AttachmentRules"/> reports them at attachments[i].id).
    /// </summary>
    public Task<IReadOnlyList<PublicAttachment>> ResolveKnownAsync(PublicationItem item, CancellationToken ct) => ResolveAsync(item, skipUnknown: true, ct);

    async Task<IReadOnlyList<PublicAttachment>> ResolveAsync(PublicationItem item, bool skipUnknown, CancellationToken ct)
    {
        if (item.Attachments is not { Count: > 0 } refs) return [];
        var files = new List<PublicAttachment>(refs.Count);
        foreach (var r in refs)
        {
            var info = r is null ? null : await store.FindByIdAsync(r.Id, ct);
            if (r is null || info is null)
            {
                if (skipUnknown) continue;
                throw new InvalidOperationException($"附件“{r?.Id}”不在存档中");
            }

            var name = PublicAttachment.NameOf(info, r.Name);
            var path = PublicAttachment.PathOf(info.Sha256, name);
            files.Add(new PublicAttachment(info, name, path, ""));
        }

        return [.. files.Select(f => f with { Url = $"{site.Value.BaseUrl.TrimEnd('/')}/{f.Href}" })];
    }

    /// <summary>What the proof lists; null when the item has no attachments.</summary>
    public async Task<IReadOnlyList<AttachmentProof>?> ProofOfAsync(PublicationItem item, CancellationToken ct) =>
        item.Attachments is { Count: > 0 } ? [.. (await ResolveAsync(item, ct)).Select(f => f.Proof())] : null;

    /// <summary>Records the item's use of each file and puts the file on the site; returns what the page lists.</summary>
    public async Task<IReadOnlyList<PublicAttachment>> PublishAsync(PublicationItem item, CancellationToken ct)
    {
        var files = await ResolveAsync(item, ct);
        if (files.Count == 0) return files;
        foreach (var f in files)
        {
            await storage.AttachmentUses.UpsertEntityAsync(new TableEntity(f.Info.Sha256, item.Id) { ["Path"] = f.Path }, TableUpdateMode.Replace, ct);
            await CopyToSiteAsync(f, ct);
        }

        return files;
    }

    /// <summary>Takes the item's attachments off the site (where no other live item offers them); the sentence for the retraction record.</summary>
    public async Task<string> WithdrawAsync(PublicationItem item, CancellationToken ct)
    {
        var files = await ResolveAsync(item, ct);
        if (files.Count == 0) return "";
        var notes = new List<string>();
        foreach (var f in files)
        {
            try
            {
                await storage.AttachmentUses.DeleteEntityAsync(f.Info.Sha256, item.Id, ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // A retry of the retraction: the use is gone already.
            }

            var others = await OthersAsync(f, ct);
            if (others.Count > 0)
            {
                notes.Add($"附件“{f.Name}”仍为信息{string.Join("、", others)}所用，公开文件{f.Path}保留");
                continue;
            }

            await storage.Web.DeleteBlobIfExistsAsync(f.Path, cancellationToken: ct);
            // An item published the same file between the look and the delete: it gets its file back.
            if ((await OthersAsync(f, ct)).Count > 0) await CopyToSiteAsync(f, ct);
            notes.Add($"附件“{f.Name}”（SHA-256 {f.Info.Sha256}）已从网站撤下，删除公开文件{f.Path}");
        }

        return string.Join("；", notes);
    }

    async Task<List<string>> OthersAsync(PublicAttachment f, CancellationToken ct)
    {
        var others = new List<string>();
        await foreach (var use in storage.AttachmentUses.QueryAsync<TableEntity>(e => e.PartitionKey == f.Info.Sha256, cancellationToken: ct))
        {
            if (use.GetString("Path") == f.Path) others.Add(use.RowKey);
        }

        return others;
    }

    async Task CopyToSiteAsync(PublicAttachment f, CancellationToken ct)
    {
        var target = storage.Web.GetBlobClient(f.Path);
        try
        {
            var props = await target.GetPropertiesAsync(cancellationToken: ct);
            if (props.Value.Metadata.TryGetValue("sha256", out var sha) && sha == f.Info.Sha256) return;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        var bytes = (await store.Blob(f.Info.Sha256).DownloadContentAsync(ct)).Value.Content;
        await target.UploadAsync(bytes, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = f.Info.ContentType,
                ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(f.Name)}",
                CacheControl = "public, max-age=300",
            },
            Metadata = new Dictionary<string, string> { ["sha256"] = f.Info.Sha256 },
        }, ct);
    }
}
