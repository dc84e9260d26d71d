using System.Text.RegularExpressions;

namespace Channels.Publishing.Items;

/// <summary>Names of SMS audiences ("emergency-residents"): 2–63 lowercase letters, digits or hyphens, starting with a letter or digit.</summary>
public static partial class SmsAudienceNames
{
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{1,62}\z")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);
}
