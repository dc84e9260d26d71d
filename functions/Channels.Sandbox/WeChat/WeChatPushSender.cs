using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Channels.Sandbox.Infrastructure;
using Channels.Sandbox.Journaling;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// The PUBLISHJOBFINISH push (contract reference §1.8): WeChatPushDelayMs after a freepublish/submit the job completes
/// and, when a push URL is configured, the event is POSTed there as XML with ?signature=&amp;timestamp=&amp;nonce=,
/// signature = sha1 of the sorted (token, timestamp, nonce). Best effort, in the background, once (no retries);
/// journaled as api "event/PUBLISHJOBFINISH" with the HTTP status the receiver answered.
/// </summary>
internal sealed class WeChatPushSender(SandboxOptions options, WeChatPublishStore publications, JournalStore journal, TimeProvider clock,
    ILogger<WeChatPushSender> logger)
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    readonly Lock gate = new();
    string url = options.WeChatPushUrl;
    string token = options.WeChatPushToken;

    public void Configure(string? pushUrl, string pushToken)
    {
        lock (gate)
        {
            url = pushUrl ?? "";
            token = pushToken;
        }
    }

    public void Schedule(string publishId)
    {
        string target, secret;
        lock (gate)
        {
            (target, secret) = (url, token);
        }

        if (target.Length == 0) return;
        _ = Task.Run(() => SendAsync(publishId, target, secret));
    }

    async Task SendAsync(string publishId, string target, string secret)
    {
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["publish_id"] = publishId };
        try
        {
            await Task.Delay(Math.Max(0, options.WeChatPushDelayMs));
            if (publications.Complete(publishId) is not { } p) return;
            detail["publish_status"] = p.Status;
            detail["article_id"] = p.ArticleId;
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = SandboxIds.RandomToken(10);
            var separator = target.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var uri = $"{target}{separator}signature={Sign(secret, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
            using var content = new StringContent(Xml(p, timestamp), Encoding.UTF8, "text/xml");
            using var response = await Http.PostAsync(uri, content);
            journal.Append(ChannelNames.WeChat, "event/PUBLISHJOBFINISH", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), publishId, detail,
                null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "PUBLISHJOBFINISH push for {PublishId} failed", publishId);
            journal.Append(ChannelNames.WeChat, "event/PUBLISHJOBFINISH", "push-failed", publishId, detail, null);
        }
    }

    static string Sign(string token, string timestamp, string nonce)
    {
        string[] parts = [token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    static string Xml(WeChatPublishView p, string timestamp) => new XElement("xml",
        new XElement("ToUserName", new XCData("gh_sandbox")),
        new XElement("FromUserName", new XCData("oias5v_mphelper")),
        new XElement("CreateTime", timestamp),
        new XElement("MsgType", new XCData("event")),
        new XElement("Event", new XCData("PUBLISHJOBFINISH")),
        new XElement("PublishEventInfo",
            new XElement("publish_id", p.PublishId),
            new XElement("publish_status", p.Status),
            new XElement("article_id", new XCData(p.ArticleId)),
            new XElement("article_detail",
                new XElement("count", p.Urls.Count),
                p.Urls.Select((u, i) => new XElement("item", new XElement("idx", i + 1), new XElement("article_url", new XCData(u))))))).ToString();
}
