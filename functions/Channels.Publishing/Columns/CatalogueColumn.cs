using Channels.Publishing.Items;
using System.Text.Json.Serialization;
using Channels.Publishing.Rules;

namespace Channels.Publishing.Columns;

/// <summary>
/// One column of the catalogue, retired ones included (their pages, feeds and counts stay). The slug is the column's
/// identity: it names its URL and archive, and never changes. A rename keeps the slug and moves the old name to
/// <see cref="FormerNames"/>, so items published under it still find their column (to retract or re-send them).
/// </summary>
public sealed record CatalogueColumn
{
    public required string Name { get; init; }
    public required string Slug { get; init; }

    /// <summary>news (2 weeks), notice or policy (6 months), or null: not under a fixed update-frequency rule.</summary>
    public string? Kind { get; init; }

    /// <summary>Why the column has no update-frequency rule (shown to editors), or any note of the office.</summary>
    public string? Note { get; init; }

    /// <summary>The parent column's slug (a column tree); null for a top-level column.</summary>
    public string? Parent { get; init; }

    public int Order { get; init; }
    public IReadOnlyList<string> FormerNames { get; init; } = [];

    /// <summary>When the column left the catalogue; null while it is in use.</summary>
    public DateTimeOffset? RetiredAt { get; init; }

    [JsonIgnore]
    public bool IsActive => RetiredAt is null;

    [JsonIgnore]
    public WebsiteColumn Website => new(Name, Slug);

    [JsonIgnore]
    public ColumnKind FreshnessKind => ColumnKindNames.Parse(Kind) ?? ColumnKind.Exempt;
}

/// <summary>The kind strings of the API and the rule kinds they stand for.</summary>
public static class ColumnKindNames
{
    public const string News = "news";
    public const string Notice = "notice";
    public const string Policy = "policy";

    public static readonly IReadOnlyList<string> All = [News, Notice, Policy];

    /// <summary>news → News; notice and policy → Notice (both 6 months); anything else null.</summary>
    public static ColumnKind? Parse(string? kind) => kind switch
    {
        News => ColumnKind.News,
        Notice or Policy => ColumnKind.Notice,
        _ => null,
    };
}

/// <summary>One column as an admin (or the configuration) lists it: only the name is required.</summary>
public sealed record ColumnInput
{
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public string? Slug { get; init; }
    public string? Parent { get; init; }
    public int? Order { get; init; }
    public string? Note { get; init; }
}

/// <summary>One recorded change of the catalogue: who, when, and what it did to which slugs.</summary>
public sealed record ColumnHistoryEntry
{
    public int Version { get; init; }
    public DateTimeOffset At { get; init; }
    public string By { get; init; } = "";
    public string Source { get; init; } = "";
    public IReadOnlyList<string> Added { get; init; } = [];
    public IReadOnlyList<ColumnRename> Renamed { get; init; } = [];
    public IReadOnlyList<string> Retired { get; init; } = [];
    public IReadOnlyList<string> Reinstated { get; init; } = [];
    public IReadOnlyList<string> Changed { get; init; } = [];

    /// <summary>Built-in default columns that never had a page, left out of the first stored catalogue: removed, not retired.</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    public bool IsEmpty => Added.Count + Renamed.Count + Retired.Count + Reinstated.Count + Changed.Count + Dropped.Count == 0;
}

public sealed record ColumnRename(string Slug, string From, string To);
