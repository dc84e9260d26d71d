using System.Text.RegularExpressions;

namespace Channels.Publishing.Items;

/// <summary>Mainland China mobile numbers, normalised to E.164 (+86…), the form Tencent SMS takes.</summary>
public static partial class PhoneNumbers
{
    // [0-9], not \d: \d also matches fullwidth and other scripts' digits ("13８００…"), which would be sent on as such.
    // \z, not $: "$" also matches before a final newline.
    [GeneratedRegex(@"\A(?:\+86|0086|86)?(1[3-9][0-9]{9})\z")]
    private static partial Regex MobilePattern();

    public static string? Normalise(string raw)
    {
        var m = MobilePattern().Match(raw.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));
        return m.Success ? "+86" + m.Groups[1].Value : null;
    }

    /// <summary>+8613812345678 → +86138****5678, for logs and pages.</summary>
    public static string Mask(string e164) =>
        e164.Length >= 11 ? string.Concat(e164.AsSpan(0, e164.Length - 8), "****", e164.AsSpan(e164.Length - 4)) : "****";
}
