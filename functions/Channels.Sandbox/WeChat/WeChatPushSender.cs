using System.Globalization;
using System.Xml.Linq;
using Channels.Sandbox.Infrastructure;
using Channels.Sandbox.Journaling;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// The pushes to the account's server URL: PUBLISHJOBFINISH when a freepublish job completes (发布回调,
/// https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_submit — the event developers actually receive
/// is PUBLISHJOBFINISH with PublishEventInfo) and MASSSENDJOBFINISH when a mass send finishes (事件推送群发结果: MsgID,
/// Status "send success" | "send fail" | "err(num)", TotalCount, FilterCount, SentCount, ErrorCount,
/// CopyrightCheckResult, ArticleUrlResult). WeChatPushDelayMs after the job is submitted (for a protected mass send:
/// after the administrator confirms or rejects it; none when the 30 minutes pass unanswered) the event is POSTed as XML
/// with ?signature=&amp;timestamp=&amp;nonce=, signature = sha1 of the sorted (token, timestamp, nonce). In compatible
/// mode the body also carries &lt;Encrypt&gt;, in safe mode only ToUserName and &lt;Encrypt&gt;, and the query adds
/// encrypt_type=aes&amp;msg_signature= (<see cref="WeChatPushCrypt"/>). Best effort, in the background, once;
/// journaled as api "event/…" with the HTTP status the receiver answered.
/// </summary>
internal sealed class WeChatPushSender(
    SandboxOptions options, WeChatPublishStore publications, WeChatMassStore mass, JournalStore journal, TimeProvider clock, ILogger<WeChatPushSender> logger)
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    readonly Lock gate = new();
    string url = options.WeChatPushUrl;
    string token = options.WeChatPushToken;
    string mode = options.WeChatPushMode;
    string aesKey = options.WeChatPushEncodingAESKey;

    public void Configure(string? pushUrl, string pushToken)
    {
        lock (gate)
        {
            url = pushUrl ?? "";
            token = pushToken;
        }
    }

    /// <summary>plaintext | compatible | safe, with the EncodingAESKey (43 characters) the latter two need.</summary>
    public string? ConfigureCrypto(string? pushMode, string? encodingAesKey)
    {
        if (pushMode is not ("plaintext" or "compatible" or "safe")) return "mode must be plaintext, compatible or safe";
        if (pushMode != "plaintext" && encodingAesKey is not { Length: 43 }) return "aesKey must be the 43-character EncodingAESKey";
        lock (gate)
        {
            mode = pushMode;
            aesKey = encodingAesKey ?? "";
        }

        return null;
    }

    public void Schedule(string publishId) =>
        Later("PUBLISHJOBFINISH", publishId, () => publications.Complete(publishId) is { } p ? (PublishXml(p), Detail(p)) : null);

    public void ScheduleMass(long msgId) => Later("MASSSENDJOBFINISH", msgId.ToString(CultureInfo.InvariantCulture),
        () => mass.Complete(msgId) is { } j ? (MassXml(j), new Dictionary<string, object?> { ["msg_id"] = j.MsgId, ["status"] = j.PushStatus }) : null);

    /// <summary>After the administrator's decision on a protected mass send.</summary>
    public void PushMassNow(MassJobView job) => Later("MASSSENDJOBFINISH", job.MsgId.ToString(CultureInfo.InvariantCulture),
        () => (MassXml(job), new Dictionary<string, object?> { ["msg_id"] = job.MsgId, ["status"] = job.PushStatus }));

    void Later(string @event, string id, Func<(XElement Xml, Dictionary<string, object?> Detail)?> build)
    {
        string target, secret, how, key;
        lock (gate)
        {
            (target, secret, how, key) = (url, token, mode, aesKey);
        }

        if (target.Length == 0) return;
        _ = Task.Run(() => SendAsync(@event, id, build, target, secret, how, key));
    }

    async Task SendAsync(
        string @event, string id, Func<(XElement Xml, Dictionary<string, object?> Detail)?> build, string target, string secret, string how, string key)
    {
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = id, ["mode"] = how };
        try
        {
            await Task.Delay(Math.Max(0, options.WeChatPushDelayMs));
            if (build() is not { } built) return;
            foreach (var (k, v) in built.Detail) detail[k] = v;
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = SandboxIds.RandomToken(10);
            var separator = target.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var uri = $"{target}{separator}signature={WeChatPushCrypt.Sign(secret, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
            var xml = built.Xml;
            if (how != "plaintext")
            {
                var encrypt = WeChatPushCrypt.Encrypt(key, options.WeChatAppId, xml.ToString());
                uri += $"&encrypt_type=aes&msg_signature={WeChatPushCrypt.Sign(secret, timestamp, nonce, encrypt)}";
                xml = how == "safe"
                    ? new XElement("xml", new XElement(xml.Element("ToUserName")!), new XElement("Encrypt", new XCData(encrypt)))
                    : new XElement(xml.Name, xml.Elements(), new XElement("Encrypt", new XCData(encrypt)));
            }

            using var content = new StringContent(xml.ToString(), System.Text.Encoding.UTF8, "text/xml");
            using var response = await Http.PostAsync(uri, content);
            journal.Append(ChannelNames.WeChat, "event/" + @event, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), id, detail, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "{Event} push for {Id} failed", @event, id);
            journal.Append(ChannelNames.WeChat, "event/" + @event, "push-failed", id, detail, null);
        }
    }

    static Dictionary<string, object?> Detail(WeChatPublishView p) => new() { ["publish_status"] = p.Status, ["article_id"] = p.ArticleId };

    XElement Header(string @event) => new("xml",
        new XElement("ToUserName", new XCData("gh_sandbox")),
        new XElement("FromUserName", new XCData("oias5v_mphelper")),
        new XElement("CreateTime", clock.GetUtcNow().ToUnixTimeSeconds()),
        new XElement("MsgType", new XCData("event")),
        new XElement("Event", new XCData(@event)));

    XElement PublishXml(WeChatPublishView p)
    {
        var failed = p.Status is 2 or 3 or 4;
        var info = new XElement("PublishEventInfo", new XElement("publish_id", p.PublishId), new XElement("publish_status", p.Status));
        if (failed)
        {
            info.Add(new XElement("fail_idx", Enumerable.Range(1, p.Articles.Count).Select(i => new XElement("item", i))));
        }
        else
        {
            info.Add(new XElement("article_id", new XCData(p.ArticleId)),
                new XElement("article_detail",
                    new XElement("count", p.Urls.Count),
                    p.Urls.Select((u, i) => new XElement("item", new XElement("idx", i + 1), new XElement("article_url", new XCData(u))))));
        }

        var xml = Header("PUBLISHJOBFINISH");
        xml.Add(info);
        return xml;
    }

    XElement MassXml(MassJobView j)
    {
        var ok = j.PushStatus == "send success";
        var xml = Header("MASSSENDJOBFINISH");
        xml.Add(new XElement("MsgID", j.MsgId),
            new XElement("Status", new XCData(j.PushStatus)),
            new XElement("TotalCount", ok ? 100 : 0),
            new XElement("FilterCount", ok ? 100 : 0),
            new XElement("SentCount", ok ? 99 : 0),
            new XElement("ErrorCount", ok ? 1 : 0),
            new XElement("CopyrightCheckResult", new XElement("Count", 0), new XElement("ResultList"), new XElement("CheckState", 1)),
            new XElement("ArticleUrlResult", new XElement("Count", ok ? j.Articles : 0), new XElement("ResultList",
                Enumerable.Range(1, ok ? j.Articles : 0).Select(i => new XElement("item", new XElement("ArticleIdx", i),
                    new XElement("ArticleUrl", new XCData("https://mp.weixin.qq.com/s/" + SandboxIds.RandomToken(22))))))));
        return xml;
    }
}
