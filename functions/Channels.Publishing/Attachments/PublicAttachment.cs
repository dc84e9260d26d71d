using System.Globalization;
using Channels.Publishing.Proof;

namespace Channels.Publishing.Attachments;

/// <summary>
/// An attachment as an item publishes it: the stored file, the name it is offered under (the item's display name, with
/// the file's extension), its path on the static site — attachments/&lt;first 16 hex of the SHA-256&gt;/&lt;name&gt;, stable
/// for the same bytes and name — and that path's public URL.
/// </summary>
public sealed record PublicAttachment(AttachmentInfo Info, string Name, string Path, string Url)
{
    public const string Folder = "attachments";

    public static string PathOf(string sha256, string name) => $"{Folder}/{sha256[..16]}/{name}";

    /// <summary>The path with its name part escaped for an href (Chinese and spaces percent-encoded).</summary>
    public string Href => $"{Folder}/{Info.Sha256[..16]}/{Uri.EscapeDataString(Name)}";

    public AttachmentProof Proof() => new(Name, Info.Size, Info.Sha256, Path);

    /// <summary>The download name: the display name (absent = the uploaded name) with the stored file's extension.</summary>
    public static string NameOf(AttachmentInfo info, string? display)
    {
        if (string.IsNullOrWhiteSpace(display)) return info.Name;
        var extension = FileNames.Extension(info.Name);
        var wanted = display.Trim();
        if (!wanted.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) wanted += extension;
        return FileNames.Sanitize(wanted).Name ?? info.Name;
    }

    /// <summary>183204 → "178.9 KB"; as editors and readers expect sizes.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} 字节"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public string KindChinese => AttachmentKind.Named(Info.Kind)?.Chinese ?? Info.Kind;
}
