using Channels.Publishing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Columns;

/// <summary>
/// The deployment's column catalogue, stored as one JSON document (catalogue/columns.json in the archive container,
/// columns and history together, so a change and its record are one conditional write) and cached in the process.
/// <list type="bullet">
/// <item>A PUT on this process replaces the cached copy at once: a submission after it sees the new catalogue.</item>
/// <item>Other processes (other Function App instances) re-read the document when their copy is older than
/// <see cref="Ttl"/>, and at once when a name asked for is not an active column in their copy (a new column is never
/// refused for staleness). A column retired elsewhere may still be accepted for up to <see cref="Ttl"/>.</item>
/// <item>With Channels:Columns configured (a list of {Name, Kind, Slug, Parent, Order, Note}) the catalogue is kept in
/// the configuration: it is applied on the first read of each process when it differs from the stored one (recorded
/// with source "configuration"), and PUT is refused with 409.</item>
/// </list>
/// </summary>
public sealed class ColumnCatalogue(ChannelsStorage storage, IConfiguration configuration, TimeProvider time, ILogger<ColumnCatalogue> log)
{
    public const string SectionName = "Channels:Columns";
    public const string DocumentPath = "catalogue/columns.json";
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);

    readonly SemaphoreSlim gate = new(1, 1);
    readonly IReadOnlyList<ColumnInput>? configured = Configured(configuration);
    ColumnSet? cached;
    DateTimeOffset loadedAt;
    long reads;
    DateTimeOffset lastMissRefresh;
    bool configurationApplied;

    /// <summary>True when Channels:Columns holds the catalogue (PUT is then refused).</summary>
    public bool IsConfigured => configured is { Count: > 0 };

    /// <summary>The mistakes of the configured list (empty when none or nothing is configured).</summary>
    public IReadOnlyDictionary<string, string[]> ConfigurationErrors() =>
        IsConfigured ? ColumnCatalogEdit.Apply(ColumnSet.Default, configured, "configuration", "configuration", time.GetUtcNow()).Errors
            : new Dictionary<string, string[]>();

    /// <summary>The catalogue, at most <see cref="Ttl"/> old.</summary>
    public async Task<ColumnSet> CurrentAsync(CancellationToken ct = default)
    {
        var c = cached;
        if (c is not null && time.GetUtcNow() - loadedAt < Ttl) return c;
        return await ReloadAsync(force: false, ct);
    }

    /// <summary>
    /// The catalogue, re-read first when one of <paramref name="names"/> is not an active column of the cached copy
    /// (at most once a second per process, so a stream of unknown names does not hammer storage).
    /// </summary>
    public async Task<ColumnSet> ForNamesAsync(IEnumerable<string?> names, bool activeOnly, CancellationToken ct = default)
    {
        var set = await CurrentAsync(ct);
        var missing = names.Any(n => n is not null && (activeOnly ? set.FindActive(n) : set.Find(n)) is null);
        var now = time.GetUtcNow();
        if (!missing || now - lastMissRefresh < MissRefreshInterval) return set;
        lastMissRefresh = now;
        return await ReloadAsync(force: true, ct);
    }

    /// <summary>Replaces the active list (see <see cref="ColumnCatalogEdit"/>); conditional write, retried on a race.</summary>
    public async Task<ColumnEditResult> ReplaceAsync(IReadOnlyList<ColumnInput?>? columns, string by, string source, CancellationToken ct = default)
    {
        var blob = storage.Archive.GetBlobClient(DocumentPath);
        for (var attempt = 0; ; attempt++)
        {
            var (doc, etag) = await BlobJson.ReadAsync<CatalogueDocument>(blob, ct);
            var current = doc?.ToSet() ?? ColumnSet.Default;
            var unpublished = current.Version == 0 ? await UnpublishedDefaultsAsync(ct) : null;
            var result = ColumnCatalogEdit.Apply(current, columns, by, source, time.GetUtcNow(), unpublished);
            if (result.Next is null || !result.Changed)
            {
                if (result.Next is not null) Cache(result.Next);
                return result;
            }

            if (await BlobJson.TryWriteAsync(blob, CatalogueDocument.From(result.Next), etag, ct))
            {
                Cache(result.Next);
                log.LogInformation("column catalogue version {Version} by {By} ({Source})", result.Next.Version, by, source);
                return result;
            }

            if (attempt >= 20) throw new InvalidOperationException("the column catalogue kept changing under us");
            await Task.Delay(Random.Shared.Next(5, 50), ct);
        }
    }

    /// <summary>One reader at a time; callers that queued behind a reload take its result unless they need a fresh read.</summary>
    /// <summary>
    /// The default columns without a page in $web (columns/{slug}/): when the first stored catalogue leaves them out they
    /// are dropped rather than kept as retired, so a new district's catalogue does not carry the seed's columns.
    /// </summary>
    async Task<HashSet<string>> UnpublishedDefaultsAsync(CancellationToken ct)
    {
        var published = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in storage.Web.GetBlobsByHierarchyAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None,
            "/", "columns/", ct))
        {
            if (entry.IsPrefix) published.Add(entry.Prefix["columns/".Length..].TrimEnd('/'));
        }

        return ColumnSet.Default.Columns.Select(c => c.Slug).Where(s => !published.Contains(s)).ToHashSet(StringComparer.Ordinal);
    }

    async Task<ColumnSet> ReloadAsync(bool force, CancellationToken ct)
    {
        var readsBefore = Interlocked.Read(ref reads);
        await gate.WaitAsync(ct);
        try
        {
            // A read that completed while we waited is as fresh as the one we would make.
            if (cached is { } c && (force ? Interlocked.Read(ref reads) > readsBefore : time.GetUtcNow() - loadedAt < Ttl)) return c;
            if (!configurationApplied && IsConfigured)
            {
                var result = await ReplaceAsync(configured!, "configuration", "configuration", ct);
                if (result.Next is null)
                {
                    throw new InvalidOperationException("Channels:Columns is invalid: "
                        + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
                }

                configurationApplied = true;
                return result.Next;
            }

            var (doc, _) = await BlobJson.ReadAsync<CatalogueDocument>(storage.Archive.GetBlobClient(DocumentPath), ct);
            var set = doc?.ToSet() ?? ColumnSet.Default;
            Cache(set);
            Interlocked.Increment(ref reads);
            return set;
        }
        finally
        {
            gate.Release();
        }
    }

    void Cache(ColumnSet set)
    {
        // Never step back to an older version (a slow read racing a PUT of this process).
        if (cached is { } c && c.Version > set.Version) return;
        cached = set;
        loadedAt = time.GetUtcNow();
    }

    static List<ColumnInput>? Configured(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var list = section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var n) ? n : int.MaxValue)
            .Select(c => new ColumnInput
            {
                Name = c["Name"], Kind = c["Kind"], Slug = c["Slug"], Parent = c["Parent"], Note = c["Note"],
                Order = int.TryParse(c["Order"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var o) ? o
                    : null,
            }).ToList();
        return list.Count == 0 ? null : list;
    }
}

/// <summary>The stored form of a <see cref="ColumnSet"/>.</summary>
public sealed record CatalogueDocument
{
    public int Version { get; init; }
    public string Source { get; init; } = "api";
    public IReadOnlyList<CatalogueColumn> Columns { get; init; } = [];
    public IReadOnlyList<ColumnHistoryEntry> History { get; init; } = [];

    public ColumnSet ToSet() => new(Version, Columns, History, Source);

    public static CatalogueDocument From(ColumnSet s) => new() { Version = s.Version, Source = s.Source, Columns = s.Columns, History = s.History };
}
