using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// What the printed issue and the gazette show of one item, with its body already sanitised: stored once per item
/// (see <see cref="BulletinArchive"/>) so that recomposing an issue or a gazette never re-sanitises item bodies.
/// </summary>
public sealed record BulletinDocument
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string? DocumentNumber { get; init; }

    /// <summary>规章 / 行政规范性文件, or null (其他文件 in the gazette).</summary>
    public string? DocumentCategory { get; init; }
    public string Publisher { get; init; } = "";

    /// <summary>The publication date in UTC+8, yyyy-MM-dd.</summary>
    public string Date { get; init; } = "";
    public IReadOnlyList<string> Boards { get; init; } = [];
    public string BodyHtml { get; init; } = "";

    public static BulletinDocument From(PublicationItem item, string sanitizedBody) => new()
    {
        Id = item.Id,
        Title = item.Title,
        DocumentNumber = item.DocumentNumber,
        DocumentCategory = item.DocumentCategory,
        Publisher = item.Publisher,
        Date = ChinaTime.Date(item.PublishAt!.Value),
        Boards = item.Bulletin?.Boards ?? [],
        BodyHtml = sanitizedBody,
    };
}
