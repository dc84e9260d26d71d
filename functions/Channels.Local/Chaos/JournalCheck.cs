using System.Text.Json;

namespace Channels.Local.Chaos;

/// <summary>
/// Reads the sandbox journals: how many times each item really reached each platform (an "ok" entry of the
/// posting call — a response lost after commit still counts as a post), so duplicates and counts can be checked
/// against what the platforms saw rather than what the ledger believes.
/// </summary>
internal static class JournalCheck
{
    public sealed record Posts(Dictionary<string, int> WeChat, Dictionary<string, int> Weibo, Dictionary<string, int> SmsBatches);

    public static Posts Read(JsonElement journal, IReadOnlyCollection<string> ids)
    {
        var wechat = new Dictionary<string, int>(StringComparer.Ordinal);
        var weibo = new Dictionary<string, int>(StringComparer.Ordinal);
        var sms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in journal.EnumerateArray())
        {
            if (e.GetProperty("outcome").GetString() != "ok") continue;
            var api = e.GetProperty("api").GetString();
            var detail = e.GetProperty("detail").GetRawText();
            switch (e.GetProperty("channel").GetString(), api)
            {
                case ("wechat", "freepublish/submit"):
                    Bump(wechat, Owner(detail, ids));
                    break;
                case ("weibo", "statuses/share"):
                    Bump(weibo, Owner(detail, ids));
                    break;
                case ("sms", "SendSms"):
                    var session = e.GetProperty("detail").TryGetProperty("sessionContext", out var s) ? s.GetString() : null;
                    if (session is not null && ids.Contains(session.Split('#')[0])) Bump(sms, session);
                    break;
            }
        }

        return new Posts(wechat, weibo, sms);
    }

    static string? Owner(string detail, IReadOnlyCollection<string> ids) => ids.FirstOrDefault(id => detail.Contains(id, StringComparison.Ordinal));

    static void Bump(Dictionary<string, int> counts, string? key)
    {
        if (key is not null) counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
