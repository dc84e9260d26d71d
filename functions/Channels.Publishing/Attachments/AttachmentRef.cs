namespace Channels.Publishing.Attachments;

/// <summary>An item's reference to an uploaded attachment: its id ("sha256:…") and, optionally, the name to show for it.</summary>
public sealed record AttachmentRef
{
    public string Id { get; init; } = "";

    /// <summary>显示名; absent = the name the file was uploaded with. The download keeps the file's extension.</summary>
    public string? Name { get; init; }
}
