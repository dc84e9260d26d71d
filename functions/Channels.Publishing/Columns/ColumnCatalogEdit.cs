using System.Globalization;

namespace Channels.Publishing.Columns;

/// <summary>The outcome of replacing the catalogue: the next version (null when refused) or the errors by field.</summary>
public sealed record ColumnEditResult(ColumnSet? Next, IReadOnlyDictionary<string, string[]> Errors, ColumnHistoryEntry? Change)
{
    public bool Changed => Change is not null;
}

/// <summary>
/// Replaces the catalogue with a new list (pure: no storage). The list is the whole tree of active columns; a column
/// of the current catalogue that is not listed is retired (kept, with its pages, feeds and counts; new items may not
/// use it). How an entry finds its column:
/// <list type="bullet">
/// <item>with a slug: the column of that slug (active or retired) — a different name renames it, keeping its URL;
/// a slug no column has creates a column with that URL;</item>
/// <item>without a slug: the column whose current name it is (unless another entry claims that column's slug);
/// otherwise a new column whose slug is generated from the name (<see cref="ColumnSlugs"/>).</item>
/// </list>
/// Refused (422, naming <c>columns[i].field</c>): no columns, a missing or malformed name, an unknown kind, a malformed
/// slug, a name or slug listed twice, a parent not in the list or a parent cycle.
/// </summary>
public static class ColumnCatalogEdit
{
    public const int MaxColumns = 500;
    public const int MaxNameLength = 30;
    public const int MaxNoteLength = 200;

    /// <param name="unpublished">
    /// Slugs of current columns that never had a public page: when not listed they are dropped, not retired (the built-in
    /// default's columns a new district never used). Null: every column not listed is retired.
    /// </param>
    public static ColumnEditResult Apply(ColumnSet current, IReadOnlyList<ColumnInput?>? input, string by, string source, DateTimeOffset now,
        IReadOnlySet<string>? unpublished = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (input is null || input.Count == 0) Add("columns", "栏目目录至少须有一个栏目");
        else if (input.Count > MaxColumns) Add("columns", $"栏目目录最多{MaxColumns}个栏目");
        if (errors.Count > 0) return Refused(errors);

        var entries = CheckEntries(input!, Add);
        if (errors.Count > 0) return Refused(errors);

        // Which column each entry is: explicit slugs first, then current names, then new columns.
        var slugOf = new string?[entries.Count];
        var claimedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Slug is not { } slug) continue;
            if (claimedBy.TryGetValue(slug, out var j)) Add($"columns[{i}].slug", $"栏目标识“{slug}”与columns[{j}]重复");
            else (claimedBy[slug], slugOf[i]) = (i, slug);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (slugOf[i] is not null || entries[i].Slug is not null) continue;
            var byName = current.Columns.Where(c => c.Name == entries[i].Name!).OrderBy(c => c.IsActive ? 0 : 1).FirstOrDefault();
            if (byName is not null && !claimedBy.ContainsKey(byName.Slug)) (claimedBy[byName.Slug], slugOf[i]) = (i, byName.Slug);
        }

        var taken = current.Columns.Select(c => c.Slug).Concat(claimedBy.Keys).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (slugOf[i] is not null) continue;
            var slug = ColumnSlugs.Generate(entries[i].Name!, taken);
            taken.Add(slug);
            (claimedBy[slug], slugOf[i]) = (i, slug);
        }

        var parentOf = ResolveParents(entries, slugOf, Add);
        if (errors.Count > 0) return Refused(errors);
        return Build(current, entries, slugOf!, parentOf, by, source, now, unpublished);
    }

    static List<ColumnInput> CheckEntries(IReadOnlyList<ColumnInput?> input, Action<string, string> add)
    {
        var entries = new List<ColumnInput>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var e = input[i];
            if (e is null)
            {
                add($"columns[{i}]", "栏目不能为空（null）");
                entries.Add(new ColumnInput());
                continue;
            }

            var name = e.Name?.Trim();
            if (string.IsNullOrEmpty(name)) add($"columns[{i}].name", "缺少栏目名称 name");
            else if (!IsPlain(name, MaxNameLength)) add($"columns[{i}].name", $"栏目名称不超过{MaxNameLength}个字符，且不能包含控制字符、斜杠或<>&\"'");
            else if (names.TryGetValue(name, out var j)) add($"columns[{i}].name", $"栏目名称“{name}”与columns[{j}]重复");
            else names[name] = i;

            var kind = string.IsNullOrWhiteSpace(e.Kind) || e.Kind == "none" ? null : e.Kind;
            if (kind is not null && !ColumnKindNames.All.Contains(kind))
                add($"columns[{i}].kind", "kind 只能是 news（动态、要闻类，2周）、notice 或 policy（通知公告、政策文件类，6个月）或 none");
            var slug = string.IsNullOrWhiteSpace(e.Slug) ? null : e.Slug;
            if (slug is not null && !ColumnSlugs.IsValid(slug))
                add($"columns[{i}].slug", $"栏目标识 slug 只能由小写字母、数字和连字符组成（1–{ColumnSlugs.MaxLength}位，不以连字符开头或结尾）");
            if (e.Note is { Length: > MaxNoteLength }) add($"columns[{i}].note", $"说明不能超过{MaxNoteLength}个字符");
            if (e.Order is < 0 or > 100_000) add($"columns[{i}].order", "order 须为0至100000之间的整数");
            entries.Add(e with { Name = name, Kind = kind, Slug = slug, Parent = string.IsNullOrWhiteSpace(e.Parent) ? null : e.Parent.Trim() });
        }

        return entries;
    }

    /// <summary>Parents name another entry by slug or by name; no cycles.</summary>
    static string?[] ResolveParents(List<ColumnInput> entries, string?[] slugOf, Action<string, string> add)
    {
        var parentOf = new string?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Parent is not { } p) continue;
            var j = Array.IndexOf(slugOf, p);
            if (j < 0) j = entries.FindIndex(e => e.Name == p);
            if (j < 0) add($"columns[{i}].parent", $"上级栏目“{p}”不在本次提交的栏目目录中");
            else if (j == i) add($"columns[{i}].parent", "上级栏目不能是本栏目");
            else parentOf[i] = slugOf[j];
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { slugOf[i]! };
            for (var p = parentOf[i]; p is not null; p = parentOf[Array.IndexOf(slugOf, p)])
            {
                if (!seen.Add(p))
                {
                    add($"columns[{i}].parent", "上级栏目形成循环");
                    break;
                }
            }
        }

        return parentOf;
    }

    static ColumnEditResult Build(ColumnSet current, List<ColumnInput> entries, string[] slugOf, string?[] parentOf, string by, string source,
        DateTimeOffset now,
        IReadOnlySet<string>? unpublished)
    {
        var listed = new Dictionary<string, CatalogueColumn>(StringComparer.Ordinal);
        var (added, renamed, reinstated, changed) = (new List<string>(), new List<ColumnRename>(), new List<string>(), new List<string>());
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var old = current.BySlug(slugOf[i]);
            var former = old is null ? new List<string>() : [.. old.FormerNames];
            if (old is not null && old.Name != e.Name)
            {
                renamed.Add(new ColumnRename(old.Slug, old.Name, e.Name!));
                if (!former.Contains(old.Name)) former.Add(old.Name);
            }

            former.Remove(e.Name!);
            var column = new CatalogueColumn
            {
                Name = e.Name!, Slug = slugOf[i], Kind = e.Kind, Note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim(),
                Parent = parentOf[i], Order = e.Order ?? (i + 1), FormerNames = former, RetiredAt = null,
            };
            if (old is null) added.Add(column.Slug);
            else if (!old.IsActive) reinstated.Add(column.Slug);
            else if (old.Kind != column.Kind || old.Note != column.Note || old.Parent != column.Parent || old.Order != column.Order) changed.Add(column.Slug);
            listed[column.Slug] = column;
        }

        var (retired, dropped) = (new List<string>(), new List<string>());
        var columns = new List<CatalogueColumn>();
        foreach (var old in current.Columns)
        {
            if (listed.Remove(old.Slug, out var updated)) columns.Add(updated);
            else if (unpublished?.Contains(old.Slug) == true) dropped.Add(old.Slug);
            else
            {
                if (old.IsActive) retired.Add(old.Slug);
                columns.Add(old with { RetiredAt = old.RetiredAt ?? now });
            }
        }

        columns.AddRange(entries.Select((_, i) => slugOf[i]).Where(listed.ContainsKey).Select(s => listed[s]));
        var change = new ColumnHistoryEntry
        {
            Version = current.Version + 1, At = now, By = by, Source = source,
            Added = added, Renamed = renamed, Retired = retired, Reinstated = reinstated, Changed = changed, Dropped = dropped,
        };
        if (change.IsEmpty) return new ColumnEditResult(current, new Dictionary<string, string[]>(), null);
        var history = current.History.Append(change).TakeLast(ColumnSet.MaxHistory).ToList();
        return new ColumnEditResult(new ColumnSet(change.Version, columns, history, source), new Dictionary<string, string[]>(), change);
    }

    static ColumnEditResult Refused(Dictionary<string, List<string>> errors) =>
        new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), null);

    static bool IsPlain(string value, int max) =>
        value.Length <= max && !value.Any(c => c is '<' or '>' or '&' or '"' or '\'' or '/' or '\\'
            || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
}
