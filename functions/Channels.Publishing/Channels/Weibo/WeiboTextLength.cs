using System.Text.RegularExpressions;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>
/// The length of a status as Weibo counts it (limit 140 "汉字", https://open.weibo.com/wiki/2/statuses/share). The rule
/// is the one in Weibo's own web publisher (Sina STK, kit.extra.count — reproduced in github.com/zythum/new-relationship-list
/// js/conf/kit/extra/count.js; the WeCase client's TweetUtils.tweetLength is a port of it):
/// <list type="bullet">
/// <item>bytes: a UTF-16 unit in U+0000–U+00FF counts 1, any other 2 (so two ASCII/half-width characters make one 汉字);</item>
/// <item>an http:// link of at most 140 bytes counts 20 bytes (10 汉字; it is shown as a t.cn short link), a longer one
/// its bytes − 120; weibo.com / weibo.cn / t.sina links up to 41 bytes and t.cn links count as typed;</item>
/// <item>line breaks are counted as "\n"; the total is halved and rounded up.</item>
/// </list>
/// That counter predates https and counts an https:// link as typed text. We count such a link both ways and keep the
/// larger, so a status we build fits whichever way the platform counts it.
/// </summary>
public static partial class WeiboTextLength
{
    public const int Max = 140;

    /// <summary>The conservative length (https links counted both ways, the larger kept).</summary>
    public static int Count(string text) => Math.Max(Count(text, HttpOnly()), Count(text, HttpOrHttps()));

    public static bool Fits(string text) => Count(text) <= Max;

    static int Count(string text, Regex links)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var bytes = 0;
        var last = 0;
        foreach (Match m in links.Matches(text))
        {
            var url = m.Value;
            var urlBytes = Bytes(url);
            if (url.StartsWith("http://t.cn", StringComparison.OrdinalIgnoreCase)) continue; // counted as typed text below
            bytes += Bytes(text.AsSpan(last, m.Index - last));
            last = m.Index + m.Length;
            var own = OwnHost().IsMatch(url);
            bytes += own && urlBytes <= 41 ? urlBytes : urlBytes <= 140 ? 20 : urlBytes - 140 + 20;
        }

        bytes += Bytes(text.AsSpan(last));
        return (bytes + 1) / 2;
    }

    static int Bytes(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) n += c <= '\u00ff' ? 1 : 2;
        return n;
    }

    [GeneratedRegex(@"http://[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)+[-A-Z0-9a-z_$.+!*()/,:;@&=?~#%]*", RegexOptions.IgnoreCase)]
    private static partial Regex HttpOnly();

    [GeneratedRegex(@"https?://[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)+[-A-Z0-9a-z_$.+!*()/,:;@&=?~#%]*", RegexOptions.IgnoreCase)]
    private static partial Regex HttpOrHttps();

    [GeneratedRegex(@"^https?://(t\.sina\.com\.cn|t\.sina\.cn|weibo\.com|weibo\.cn)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnHost();
}
