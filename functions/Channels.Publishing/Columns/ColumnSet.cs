using Channels.Publishing.Items;
using Channels.Publishing.Rules;

namespace Channels.Publishing.Columns;

/// <summary>
/// A version of the column catalogue (immutable): every column ever listed, the active ones in tree order, and the
/// change history. Version 0 is the built-in default (the seed's columns), used until a catalogue is stored.
/// </summary>
public sealed class ColumnSet
{
    public const int MaxHistory = 500;

    readonly Dictionary<string, CatalogueColumn> bySlug;
    readonly Dictionary<string, CatalogueColumn> byName;

    public ColumnSet(int version, IReadOnlyList<CatalogueColumn> columns, IReadOnlyList<ColumnHistoryEntry> history, string source = "default")
    {
        Version = version;
        Columns = columns;
        History = history;
        Source = source;
        bySlug = columns.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        // Current names first (active before retired), so a name reused by a new column finds the new one.
        byName = new Dictionary<string, CatalogueColumn>(StringComparer.Ordinal);
        foreach (var c in columns.Where(c => c.IsActive).Concat(columns.Where(c => !c.IsActive))) byName.TryAdd(c.Name, c);
        foreach (var c in columns) foreach (var former in c.FormerNames) byName.TryAdd(former, c);
        Active = TreeOrder(columns.Where(c => c.IsActive).ToList());
        Retired = [.. columns.Where(c => !c.IsActive).OrderBy(c => c.RetiredAt).ThenBy(c => c.Order)];
    }

    public int Version { get; }

    /// <summary>default (built in), api (an admin's PUT) or configuration (Channels:Columns at start-up).</summary>
    public string Source { get; }

    public IReadOnlyList<CatalogueColumn> Columns { get; }
    public IReadOnlyList<ColumnHistoryEntry> History { get; }

    /// <summary>The columns new items may use, parents before their children, siblings by order.</summary>
    public IReadOnlyList<CatalogueColumn> Active { get; }

    public IReadOnlyList<CatalogueColumn> Retired { get; }

    public DateTimeOffset? UpdatedAt => History.Count == 0 ? null : History[^1].At;
    public string? UpdatedBy => History.Count == 0 ? null : History[^1].By;

    public static ColumnSet Default { get; } = BuildDefault();

    public CatalogueColumn? BySlug(string slug) => bySlug.GetValueOrDefault(slug);

    /// <summary>The column an item may be published to under <paramref name="name"/> now (active, current name), or null.</summary>
    public CatalogueColumn? FindActive(string? name) =>
        name is not null && byName.GetValueOrDefault(name) is { IsActive: true } c && c.Name == name ? c : null;

    /// <summary>The column an item published under <paramref name="name"/> belongs to (any column, former names too), or null.</summary>
    public CatalogueColumn? Find(string? name) => name is null ? null : byName.GetValueOrDefault(name);

    /// <summary>Every column that ever carried <paramref name="name"/> (a retraction looks in all their archives).</summary>
    public IReadOnlyList<CatalogueColumn> FindAll(string? name) =>
        name is null ? [] : [.. Columns.Where(c => c.Name == name || c.FormerNames.Contains(name))];

    /// <summary>The update-frequency kind of a column name (null when the name is no column of this catalogue).</summary>
    public ColumnKind? KindOf(string name) => Find(name)?.FreshnessKind;

    /// <summary>The names of the active columns, in tree order (the 422 lists them).</summary>
    public IReadOnlyList<string> ActiveNames => [.. Active.Select(c => c.Name)];

    /// <summary>
    /// Orders column names for reports: active columns in tree order, then retired columns, then names no column
    /// knows (a count under a name is kept whatever happened to the catalogue since).
    /// </summary>
    public IEnumerable<string> OrderForReport(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var c in Active.Concat(Retired))
        {
            rank.TryAdd(c.Name, i++);
            foreach (var f in c.FormerNames) rank.TryAdd(f, i++);
        }

        return set.OrderBy(n => rank.GetValueOrDefault(n, int.MaxValue)).ThenBy(n => n, StringComparer.Ordinal);
    }

    static IReadOnlyList<CatalogueColumn> TreeOrder(List<CatalogueColumn> active)
    {
        var slugs = active.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var children = active.ToLookup(c => c.Parent is { } p && slugs.Contains(p) ? p : "");
        var ordered = new List<CatalogueColumn>();
        void Walk(string parent)
        {
            foreach (var c in children[parent].OrderBy(c => c.Order).ThenBy(c => c.Slug, StringComparer.Ordinal))
            {
                if (ordered.Contains(c)) continue;
                ordered.Add(c);
                Walk(c.Slug);
            }
        }

        Walk("");
        return ordered;
    }

    static ColumnSet BuildDefault()
    {
        var columns = ColumnCatalog.All.Select((c, i) =>
        {
            var rule = ColumnKinds.Find(c.Name);
            return new CatalogueColumn
            {
                Name = c.Name, Slug = c.Slug, Order = i + 1, Note = rule?.ExemptReason, Kind = ColumnKinds.DefaultKindName(c.Name),
            };
        }).ToList();
        return new ColumnSet(0, columns, [], "default");
    }
}
