using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Channels.Publishing.Columns;

/// <summary>
/// URL slugs of website columns: lowercase ASCII letters, digits and hyphens, 1–40 characters. A generated slug is the
/// pinyin initials of the name (政策法规 → zcfg), the way the seed's hand-written slugs were made. The initials come
/// from the GB2312 code of each character: its level-1 characters (0xB0A1–0xD7F9, the 3,755 common ones) are ordered
/// by pinyin, so the letter is found by range. A name with characters outside that set (rare characters, symbols)
/// also gets six hex digits of the name's SHA-256, so two such names do not collapse onto the same slug.
/// </summary>
public static partial class ColumnSlugs
{
    public const int MaxLength = 40;

    [GeneratedRegex(@"\A[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?\z")]
    private static partial Regex SlugPattern();

    public static bool IsValid(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    /// <summary>The first GB2312 code of each initial letter A–Z among the level-1 characters (I, U and V begin no syllable).</summary>
    static readonly (int From, char Letter)[] Ranges =
    [
        (0xB0A1, 'a'), (0xB0C5, 'b'), (0xB2C1, 'c'), (0xB4EE, 'd'), (0xB6EA, 'e'), (0xB7A2, 'f'), (0xB8C1, 'g'), (0xB9FE, 'h'),
        (0xBBF7, 'j'), (0xBFA6, 'k'), (0xC0AC, 'l'), (0xC2E8, 'm'), (0xC4C3, 'n'), (0xC5B6, 'o'), (0xC5BE, 'p'), (0xC6DA, 'q'),
        (0xC8BB, 'r'), (0xC8F6, 's'), (0xCBFA, 't'), (0xCDDA, 'w'), (0xCEF4, 'x'), (0xD1B9, 'y'), (0xD4D1, 'z'),
    ];

    const int LevelOneEnd = 0xD7F9;

    static readonly Lazy<Encoding> Gb2312 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The pinyin initial of a common Chinese character, or null.</summary>
    public static char? Initial(char c)
    {
        if (c < 0x4E00 || c > 0x9FFF) return null;
        byte[] bytes;
        try
        {
            bytes = Gb2312.Value.GetBytes([c]);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }

        if (bytes.Length != 2) return null;
        var code = (bytes[0] << 8) | bytes[1];
        if (code < Ranges[0].From || code > LevelOneEnd) return null;
        var letter = Ranges[0].Letter;
        foreach (var (from, l) in Ranges)
        {
            if (code < from) break;
            letter = l;
        }

        return letter;
    }

    /// <summary>The slug derived from <paramref name="name"/> alone (no uniqueness): see the class summary.</summary>
    public static string FromName(string name)
    {
        var sb = new StringBuilder();
        var lossy = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (c is >= 'A' and <= 'Z') sb.Append(char.ToLowerInvariant(c));
            else if (Initial(c) is { } letter) sb.Append(letter);
            else if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c)) lossy = true;
        }

        var slug = sb.Length == 0 ? "col" : sb.ToString();
        if (slug.Length > 30) slug = slug[..30];
        if (!lossy && sb.Length > 0) return slug;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..6];
        return $"{slug}-{hash}";
    }

    /// <summary>
    /// <see cref="FromName"/>, made unique against <paramref name="taken"/> by a numeric suffix (zcfg, zcfg-2, zcfg-3…):
    /// the taken set holds every slug ever published, retired ones included, because their URLs stay.
    /// </summary>
    public static string Generate(string name, IReadOnlySet<string> taken)
    {
        var slug = FromName(name);
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}
