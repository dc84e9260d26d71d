using System.Text.RegularExpressions;

namespace Channels.Sandbox.Weibo;

/// <summary>
/// What statuses/share accepts as text (contract reference §2.2): at most 140 characters (each character counts 1),
/// no #topic# tags, and at least one http(s) URL whose host is a safe domain (安全域名) or a subdomain of one.
/// Our choice: the code for a #topic# is undocumented; we answer 10008 (param error).
/// </summary>
internal static partial class WeiboStatusRules
{
    public const int MaxChars = 140;

    public static (string Code, string Message)? Check(string text, IReadOnlyList<string> safeDomains)
    {
        if (text.EnumerateRunes().Count() > MaxChars) return ("20012", "Text too long, please input text less than 140 characters!");
        if (Topic().IsMatch(text)) return ("10008", "param error, see doc for more info (topics are not allowed in statuses/share)");
        var linksSafeDomain = UrlHost().Matches(text).Any(m => IsSafe(m.Groups[1].Value, safeDomains));
        if (!linksSafeDomain) return ("20018", "Contain illegal website!");
        return null;
    }

    public static IReadOnlyList<string> ParseDomains(string configured) =>
        configured.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static bool IsSafe(string host, IReadOnlyList<string> safeDomains) =>
        safeDomains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("#[^#\r\n]+#")]
    private static partial Regex Topic();

    [GeneratedRegex("https?://([A-Za-z0-9.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlHost();
}
