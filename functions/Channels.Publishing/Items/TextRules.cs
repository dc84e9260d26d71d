using System.Globalization;
using System.Text;

namespace Channels.Publishing.Items;

/// <summary>
/// Characters no text field may carry: C0 controls other than tab, line feed and carriage return (U+0000–0008,
/// 000B, 000C, 000E–001F), DEL and the C1 controls (U+007F–009F), lone surrogates, and the Unicode noncharacters
/// (U+FDD0–FDEF and the last two code points of every plane, U+FFFE/FFFF …). XML 1.0 cannot carry most of them
/// (the RSS/Atom feeds would fail to render), and none belongs in an official text — a pasted vertical tab from a
/// word processor is the usual source.
/// </summary>
public static class TextRules
{
    /// <summary>The first forbidden character of <paramref name="text"/>: its UTF-16 index and code point, or null when clean.</summary>
    public static (int Index, int CodePoint)? FirstForbidden(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNoncharacter(cp)) return (i, cp);
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsForbiddenBmp(c)) return (i, c);
        }

        return null;
    }

    /// <summary>True for a BMP character no text field may carry (a lone surrogate is checked by the caller).</summary>
    public static bool IsForbiddenBmp(char c) =>
        c is < '\t' or '\v' or '\f' or (> '\r' and < ' ') or (>= '\u007F' and <= '\u009F') || IsNoncharacter(c);

    /// <summary>U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF in every plane.</summary>
    public static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;

    /// <summary>Adds a problem naming <paramref name="field"/> when <paramref name="text"/> holds a forbidden character.</summary>
    public static void Check(ValidationProblems p, string field, string? text)
    {
        if (FirstForbidden(text) is not { } bad) return;
        p.Add(field, $"{field} 含有不允许的控制字符或非字符 U+{bad.CodePoint.ToString("X4", CultureInfo.InvariantCulture)}（第{bad.Index + 1}个字符），请删除后重新提交");
    }

    /// <summary>Every free-text field of an item (ids, enums, numbers and column names have stricter rules of their own).</summary>
    public static void CheckItem(ValidationProblems p, PublicationItem item)
    {
        Check(p, "id", item.Id);
        Check(p, "title", item.Title);
        Check(p, "body", item.Body);
        Check(p, "summary", item.Summary);
        Check(p, "publisher", item.Publisher);
        Check(p, "documentNumber", item.DocumentNumber);
        Check(p, "indexNumber", item.IndexNumber);
        Check(p, "documentCategory", item.DocumentCategory);
        Check(p, "interprets", item.Interprets);
        Check(p, "priority", item.Priority);
        for (var i = 0; i < item.Columns.Count; i++) Check(p, $"columns[{i}]", item.Columns[i]);
        for (var i = 0; i < item.Channels.Count; i++) Check(p, $"channels[{i}]", item.Channels[i]);
        if (item.Sms is { } sms)
        {
            Check(p, "sms.text", sms.Text);
            for (var i = 0; i < sms.Audience.Count; i++) Check(p, $"sms.audience[{i}]", sms.Audience[i]);
            for (var i = 0; i < (sms.Audiences?.Count ?? 0); i++) Check(p, $"sms.audiences[{i}]", sms.Audiences![i]);
        }

        for (var i = 0; i < (item.Bulletin?.Boards.Count ?? 0); i++) Check(p, $"bulletin.boards[{i}]", item.Bulletin!.Boards[i]);
        if (item.Approval is { } a)
        {
            Check(p, "approval.author", a.Author);
            Check(p, "approval.reviewer", a.Reviewer);
            Check(p, "approval.approver", a.Approver);
        }
    }

    /// <summary>The text without forbidden characters (for rendering data stored before this rule existed).</summary>
    public static string Scrub(string text)
    {
        if (FirstForbidden(text) is null) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (!IsNoncharacter(char.ConvertToUtf32(c, text[i + 1]))) sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c) && !IsForbiddenBmp(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
