using System.Globalization;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// Keeps the day's issue ({date}/index.html) and the month's gazette ({yyyy}/{MM}/gazette.html) in the bulletin
/// container in step with the items they hold. Each has a <see cref="ListingBook"/> document (bulletin-{date},
/// gazette-{yyyy}-{MM}); items that arrive together are merged in one If-Match write and the page is recomposed once
/// per batch from the stored <see cref="BulletinDocument"/>s (a read per item of that day or month, no item body is
/// re-sanitised). Every step is safe to repeat.
/// </summary>
public sealed class BulletinExports(ChannelsStorage storage, ListingBook listings, BulletinArchive archive, IssueNumbers numbers,
    IOptions<BulletinOptions> options)
{
    /// <summary>Never a valid item id: removing it changes nothing but makes the book rewrite and republish the page.</summary>
    const string RefreshOnly = "";

    readonly BulletinRenderer issues = new(options.Value.Issuer);
    readonly GazetteRenderer gazettes = new(options.Value.Issuer);

    public static string IssueKey(string date) => "bulletin-" + date;

    public static string GazetteKey(int year, int month) => $"gazette-{year:D4}-{month:D2}";

    public BulletinRenderer Renderer => issues;

    /// <summary>The listing line of an item: newest-first order of the book is (China time, id), reversed for print.</summary>
    public static SiteListing Entry(PublicationItem item)
    {
        var at = ChinaTime.ToChina(item.PublishAt!.Value);
        return new SiteListing(item.Id, item.Title, ChinaTime.Date(at), at.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "|" + item.Id);
    }

    /// <summary>Adds the item to its day's issue (numbering the issue if it is the day's first) and to its month's gazette.</summary>
    public async Task<int> AddAsync(PublicationItem item, CancellationToken ct)
    {
        var entry = Entry(item);
        var (year, month) = YearMonth(item);
        var number = await numbers.AssignAsync(entry.Date, ct);
        await Task.WhenAll(
            listings.AddAsync(IssueKey(entry.Date), entry, limit: null, (list, c) => WriteIssueAsync(entry.Date, number, list, c)),
            listings.AddAsync(GazetteKey(year, month), entry, limit: null, (list, c) => WriteGazetteAsync(year, month, list, c)));
        return number;
    }

    /// <summary>Takes the item out of its day's issue and its month's gazette; returns the issue's number.</summary>
    public async Task<int> RemoveAsync(PublicationItem item, CancellationToken ct)
    {
        var date = ChinaTime.Date(item.PublishAt!.Value);
        var (year, month) = YearMonth(item);
        var number = await numbers.AssignAsync(date, ct);
        await Task.WhenAll(
            listings.RemoveAsync(IssueKey(date), item.Id, limit: null, (list, c) => WriteIssueAsync(date, number, list, c)),
            listings.RemoveAsync(GazetteKey(year, month), item.Id, limit: null, (list, c) => WriteGazetteAsync(year, month, list, c)));
        return number;
    }

    /// <summary>Recomposes a month's gazette from its listing (through the book, so it queues behind any batch in flight).</summary>
    public Task RebuildGazetteAsync(int year, int month) =>
        listings.RemoveAsync(GazetteKey(year, month), RefreshOnly, limit: null, (list, c) => WriteGazetteAsync(year, month, list, c));

    public Uri BlobUri(string path) => storage.Bulletin.GetBlobClient(path).Uri;

    /// <summary>True when the export at <paramref name="path"/> has been written (a read: nothing is created).</summary>
    public async Task<bool> ExistsAsync(string path, CancellationToken ct)
    {
        return (await storage.Bulletin.GetBlobClient(path).ExistsAsync(ct)).Value;
    }

    async Task WriteIssueAsync(string date, int number, IReadOnlyList<SiteListing> newestFirst, CancellationToken ct)
    {
        var docs = await archive.LoadAsync([.. newestFirst.Reverse().Select(l => l.ItemId)], ct);
        await PageWriter.OverwriteAsync(storage.Bulletin, BulletinRenderer.IssuePath(date), issues.Issue(date, number, docs), ct);
    }

    async Task WriteGazetteAsync(int year, int month, IReadOnlyList<SiteListing> newestFirst, CancellationToken ct)
    {
        var docs = await archive.LoadAsync([.. newestFirst.Reverse().Select(l => l.ItemId)], ct);
        await PageWriter.OverwriteAsync(storage.Bulletin, GazetteRenderer.GazettePath(year, month), gazettes.Gazette(year, month, GazetteRenderer.Order(docs)),
            ct);
    }

    static (int Year, int Month) YearMonth(PublicationItem item)
    {
        var china = ChinaTime.ToChina(item.PublishAt!.Value);
        return (china.Year, china.Month);
    }
}
