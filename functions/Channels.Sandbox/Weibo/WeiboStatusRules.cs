using System.Text.RegularExpressions;

namespace Channels.Sandbox.Weibo;

/// <summary>
/// What statuses/share accepts as text, from https://open.weibo.com/wiki/2/statuses/share ("内容不超过140个汉字，文本中不能
/// 包含“#话题词#”，同时文本中必须包含至少一个第三方分享到微博的网页URL，且该URL只能是该第三方（调用方）绑定域下的URL链接"):
/// <list type="bullet">
/// <item>at most 140, counted as Weibo's own web publisher counts (Sina STK kit.extra.count, reproduced in
/// github.com/zythum/new-relationship-list js/conf/kit/extra/count.js): a UTF-16 unit in U+0000–U+00FF is 1 byte,
/// any other 2; an http:// link up to 140 bytes is 20 bytes (longer: its bytes − 120), weibo.com/weibo.cn/t.sina links
/// up to 41 bytes and t.cn links as typed; bytes halved, rounded up. That counter does not know https://: such a link
/// counts as typed. Too long: 20012 "Text too long, please input text less than 140 characters!";</item>
/// <item>no #topic#: the code is undocumented; we answer 10008 (param error);</item>
/// <item>at least one http(s) link whose host is a configured safe domain (安全域名) or a subdomain of one — no loopback
/// unless configured. Otherwise 10017 "appkey not bind domain!" (the answer reported for statuses/share without a bound
/// domain: https://blog.csdn.net/qq_35241831/article/details/120436206).</item>
/// </list>
/// </summary>
internal static partial class WeiboStatusRules
{
    public const int MaxChars = 140;

    public static (string Code, string Message)? Check(string text, IReadOnlyList<string> safeDomains)
    {
        if (Length(text) > MaxChars) return ("20012", "Text too long, please input text less than 140 characters!");
        if (Topic().IsMatch(text)) return ("10008", "param error, see doc for more info (topics are not allowed in statuses/share)");
        var linksSafeDomain = UrlHost().Matches(text).Any(m => IsSafe(m.Groups[1].Value, safeDomains));
        if (!linksSafeDomain) return ("10017", "appkey not bind domain!");
        return null;
    }

    /// <summary>The length as Weibo's web publisher counts it (see the class remarks).</summary>
    public static int Length(string text)
    {
        var rest = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var urlBytes = 0;
        foreach (Match m in StkUrl().Matches(rest))
        {
            var url = m.Value;
            var count = Bytes(url);
            if (url.StartsWith("http://t.cn", StringComparison.OrdinalIgnoreCase)) continue;
            var own = new[] { "http://t.sina.com.cn", "http://t.sina.cn", "http://weibo.com", "http://weibo.cn" }
                .Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase));
            urlBytes += own && count <= 41 ? count : count <= 140 ? 20 : count - 140 + 20;
            var at = rest.IndexOf(url, StringComparison.Ordinal); // as the original: the first occurrence is removed
            rest = rest.Remove(at, url.Length);
        }

        return (urlBytes + Bytes(rest) + 1) / 2;
    }

    static int Bytes(string s) => s.Sum(c => c <= '\u00ff' ? 1 : 2);

    public static IReadOnlyList<string> ParseDomains(string configured) =>
        configured.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static bool IsSafe(string host, IReadOnlyList<string> safeDomains) =>
        safeDomains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("#[^#\r\n]+#")]
    private static partial Regex Topic();

    [GeneratedRegex("https?://([A-Za-z0-9.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlHost();

    [GeneratedRegex(@"http://[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)+[-A-Z0-9a-z_$.+!*()/,:;@&=?~#%]*", RegexOptions.IgnoreCase)]
    private static partial Regex StkUrl();
}
