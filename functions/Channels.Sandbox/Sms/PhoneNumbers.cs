using System.Text.RegularExpressions;

namespace Channels.Sandbox.Sms;

/// <summary>
/// Mainland mobile numbers as SendSms accepts them: +86, 86, 0086 or no prefix before 1[3-9] and 9 more digits
/// (no spaces), normalised to E.164 "+86…".
/// </summary>
internal static partial class PhoneNumbers
{
    /// <summary>The E.164 form, or null when the number is not a valid mainland mobile number.</summary>
    public static string? Normalize(string? raw)
    {
        if (raw is null) return null;
        var match = Mobile().Match(raw);
        return match.Success ? "+86" + match.Groups[1].Value : null;
    }

    [GeneratedRegex("^(?:\\+86|0086|86)?(1[3-9][0-9]{9})$")]
    private static partial Regex Mobile();
}
