using System.Globalization;
using System.Text;

namespace Channels.Publishing.Attachments;

/// <summary>
/// Makes an uploaded file's name safe to store, to put in a URL path of the static site and to offer for download:
/// the last path part only (a browser may send C:\…\x.pdf), control and format characters removed, the characters
/// Windows and URLs reserve (&lt;&gt;:"/\|?*#%) replaced by "_", no leading or trailing dots and spaces, no Windows device
/// name (CON, NUL, COM1…), NFC, at most <see cref="MaxLength"/> characters with the extension kept. Chinese stays as it is.
/// A name with a ".." path part is refused rather than repaired: no honest client sends one.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 100;

    const string Reserved = "<>:\"/\\|?*#%";

    static readonly HashSet<string> DeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(1, 9).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })], StringComparer.OrdinalIgnoreCase);

    /// <summary>The safe name, or null with the reason (Chinese) when there is nothing acceptable to keep.</summary>
    public static (string? Name, string? Refusal) Sanitize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return (null, "缺少文件名");
        var parts = raw.Split('/', '\\');
        if (parts.Any(p => p.Trim() == "..")) return (null, "文件名不能包含路径（“..”）");
        var last = parts[^1];
        if (last.Length > 1000) return (null, "文件名过长");

        var sb = new StringBuilder(last.Length);
        foreach (var rune in last.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) sb.Append(' ');
            else if (IsDropped(rune)) continue;
            else if (rune.IsAscii && Reserved.Contains((char)rune.Value, StringComparison.Ordinal)) sb.Append('_');
            else sb.Append(rune.ToString());
        }

        var name = Collapse(sb.ToString()).Trim(' ').TrimEnd('.', ' ');
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length].Trim(' ', '.');
        if (stem.Length == 0) return (null, "文件名不能只有扩展名");
        if (DeviceNames.Contains(stem.Split('.')[0])) stem = "_" + stem;
        var room = MaxLength - extension.Length;
        if (room < 1) return (null, "扩展名过长");
        if (stem.Length > room) stem = Cut(stem, room).TrimEnd(' ', '.');
        return (stem + extension, null);
    }

    /// <summary>The extension (".pdf"), empty when the name has none.</summary>
    public static string Extension(string name) => Path.GetExtension(name);

    /// <summary>A header value sent URL-encoded (UTF-8), decoded; a sequence that is not UTF-8 stays escaped (its "%" then becomes "_").</summary>
    public static string? DecodeHeader(string? value) => value is null ? null : Uri.UnescapeDataString(value);

    static bool IsDropped(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.Surrogate;

    static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The first <paramref name="max"/> UTF-16 units, not splitting a surrogate pair.</summary>
    static string Cut(string s, int max) => char.IsHighSurrogate(s[max - 1]) ? s[..(max - 1)] : s[..max];
}
