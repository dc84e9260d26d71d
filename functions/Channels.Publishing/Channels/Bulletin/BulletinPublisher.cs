using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// Printable exports in the "bulletin" container: the item's own A4 notice ({date}/{id}.html, its ledger URL), its
/// place in the day's numbered issue and in the month's gazette (see <see cref="BulletinExports"/>). Delivered once
/// all three are written; counted once per item, named by the date (the statistics' issue count).
/// </summary>
public sealed class BulletinPublisher(ChannelsStorage storage, BodySanitizer sanitizer, BulletinArchive archive, BulletinExports exports,
    Attachments.AttachmentLinks attachments) : IChannelPublisher
{
    public string Channel => ChannelNames.Bulletin;

    public async Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var item = job.Item;
        var doc = Document(item, await attachments.ResolveAsync(item, ct));
        await archive.SaveAsync(doc, ct);
        var path = BulletinRenderer.ItemPath(doc.Date, item.Id);
        await PageWriter.WriteContentAsync(storage.Bulletin, path, exports.Renderer.Notice(doc), ct);
        // The path is fixed by the item and every write is create-once or derived, so a retry simply repeats them:
        // the ids are recorded with the delivered state, with no ledger write in between.
        var recorded = new PlatformRecord(path, exports.BlobUri(path).ToString());

        await exports.AddAsync(item, ct);
        return ChannelStep.Delivered(new CountedPost(Channel, item.Id, Metrics.Item, doc.Date)) with { Platform = recorded };
    }

    /// <summary>The item's printable notice exactly as <see cref="SendAsync"/> writes it, its path and URL; nothing is written (the preview).</summary>
    public async Task<(string Path, string Url, string Html)> RenderAsync(PublicationItem item, CancellationToken ct)
    {
        var doc = Document(item, await attachments.ResolveKnownAsync(item, ct));
        var path = BulletinRenderer.ItemPath(doc.Date, item.Id);
        return (path, exports.BlobUri(path).ToString(), exports.Renderer.Notice(doc));
    }

    BulletinDocument Document(PublicationItem item, IReadOnlyList<Attachments.PublicAttachment> files) =>
        BulletinDocument.From(item, sanitizer.Sanitize(item.Body) + Attachments.AttachmentHtml.Bulletin(files));

    public Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct) => Task.FromResult(ChannelStep.Delivered());
}
