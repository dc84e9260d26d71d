using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// /api/channels/wechat/events?signature=&amp;timestamp=&amp;nonce=[&amp;encrypt_type=aes&amp;msg_signature=]: the account's
/// server URL. Not role-gated: WeChat proves itself with the signature (sha1 of the sorted EventToken, timestamp, nonce;
/// compared in constant time) — wrong or missing 401, a timestamp more than 5 minutes off 403, the same nonce and
/// timestamp again 409 (<see cref="WeChatNonceCache"/>). GET with echostr is the URL check (echostr back). POST carries
/// an XML event, in the configured message mode (<see cref="WeChatOptions.EventMode"/>): plaintext, compatible or safe
/// (msg_signature over the &lt;Encrypt&gt; element, then AES decryption, <see cref="WeChatMessageCrypt"/>).
/// PUBLISHJOBFINISH is recorded by <see cref="WeChatPushRecorder"/> and then wakes the orchestration waiting for it,
/// MASSSENDJOBFINISH by <see cref="WeChatDigestVerdict"/> and then wakes the day's digest;
/// anything else is acknowledged and ignored. The answer is "success" (WeChat retries a push it did not get an answer to).
/// </summary>
public sealed class WeChatEventsApi(
    WeChatPushRecorder recorder, WeChatPublishIndex index, WeChatMassIndex massIndex, Orchestration.VerdictSignal signal, WeChatDigestVerdict digestVerdict,
    WeChatNonceCache nonces, IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatEventsApi> logger)
{
    const int MaxBodyBytes = 64 * 1024;
    const int MaxSkewSeconds = 300;

    public async Task VerifyUrlAsync(HttpContext ctx)
    {
        if (!await AuthenticAsync(ctx)) return;
        await TextAsync(ctx, 200, ctx.Request.Query["echostr"].ToString());
    }

    /// <param name="client">Wakes the orchestration waiting for the item's WeChat verdict (<see cref="Orchestration.VerdictSignal"/>).</param>
    public async Task ReceiveAsync(HttpContext ctx, Microsoft.DurableTask.Client.DurableTaskClient client)
    {
        if (!await AuthenticAsync(ctx)) return;
        if (await RequestBody.ReadAsync(ctx.Request, MaxBodyBytes, ctx.RequestAborted) is not { } bytes)
        {
            await TextAsync(ctx, 413, "body too large");
            return;
        }

        if (Parse(bytes) is not { } outer)
        {
            await TextAsync(ctx, 400, "body is not XML");
            return;
        }

        var (root, refusal) = Open(ctx.Request.Query, outer);
        if (root is null)
        {
            logger.LogWarning("WeChat push refused: {Refusal}", refusal);
            await ApiResponses.ProblemAsync(ctx, 401, "推送未通过验证", refusal!, new Dictionary<string, string[]> { ["msg_signature"] = [refusal!] });
            return;
        }

        if (!nonces.TryAccept(ctx.Request.Query["nonce"].ToString(), ctx.Request.Query["timestamp"].ToString()))
        {
            logger.LogWarning("WeChat push refused: nonce and timestamp already used (replay)");
            await ApiResponses.ProblemAsync(ctx, 409, "重复推送已拒绝", "同一 nonce 与 timestamp 的推送已处理过", new Dictionary<string, string[]> { ["nonce"] = ["已使用"] });
            return;
        }

        switch ((string?)root.Element("Event"))
        {
            case "PUBLISHJOBFINISH" when ParsePublish(root.Element("PublishEventInfo")) is { } e:
                var result = await recorder.RecordAsync(e, ctx.RequestAborted);
                logger.LogInformation("PUBLISHJOBFINISH publish_id {PublishId} status {Status}: {Result}", e.PublishId, e.Status, result);
                if (result == "recorded" && await index.ItemOfAsync(e.PublishId, ctx.RequestAborted) is { } itemId)
                    await signal.RaiseAsync(client, itemId, ChannelNames.WeChat, "PUBLISHJOBFINISH", ctx.RequestAborted);
                break;
            case "MASSSENDJOBFINISH" when ((string?)(root.Element("MsgID") ?? root.Element("MsgId")))?.Trim() is { Length: > 0 } msgId:
                var status = ((string?)root.Element("Status"))?.Trim() ?? "";
                var recorded = await digestVerdict.RecordPushAsync(msgId, status, ctx.RequestAborted);
                logger.LogInformation("MASSSENDJOBFINISH msg_id {MsgId} status {Status}: {Result}", msgId, status, recorded);
                if (recorded == "recorded" && await massIndex.DateOfAsync(msgId, ctx.RequestAborted) is { } date)
                    await signal.RaiseDigestAsync(client, date, ctx.RequestAborted);
                break;
        }

        await TextAsync(ctx, 200, "success");
    }

    /// <summary>The event to act on under the configured mode, or why the push is refused.</summary>
    (XElement? Root, string? Refusal) Open(IQueryCollection q, XElement outer)
    {
        var o = options.Value;
        var encrypted = q["encrypt_type"].ToString() == "aes" ? ((string?)outer.Element("Encrypt"))?.Trim() : null;
        if (o.EventMode == "plaintext") return (outer, null);
        if (encrypted is not { Length: > 0 })
        {
            return o.EventMode == "safe" ? (null, "安全模式下推送必须加密（encrypt_type=aes 与 Encrypt）") : (outer, null);
        }

        if (!WeChatMessageCrypt.IsValidSignature(o.EventToken, q["timestamp"].ToString(), q["nonce"].ToString(), encrypted, q["msg_signature"].ToString()))
            return (null, "msg_signature 缺失或错误");
        if (WeChatMessageCrypt.Decrypt(o.EncodingAESKey, o.AppId, encrypted) is not { } plain) return (null, "密文无法解密或 AppID 不符");
        return Parse(System.Text.Encoding.UTF8.GetBytes(plain)) is { } inner ? (inner, null) : (null, "解密后的内容不是 XML");
    }

    static XElement? Parse(byte[] bytes)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    static WeChatPublishEvent? ParsePublish(XElement? info)
    {
        var publishId = ((string?)info?.Element("publish_id"))?.Trim();
        if (info is null || string.IsNullOrEmpty(publishId)
            || !int.TryParse((string?)info.Element("publish_status"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var status)) return null;
        var urls = info.Element("article_detail")?.Elements("item").Select(i => ((string?)i.Element("article_url"))?.Trim()).OfType<string>().ToList() ?? [];
        return new WeChatPublishEvent(publishId, status, ((string?)info.Element("article_id"))?.Trim(), urls);
    }

    async Task<bool> AuthenticAsync(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        var token = options.Value.EventToken;
        var timestamp = q["timestamp"].ToString();
        if (string.IsNullOrEmpty(token) || !WeChatEventSignature.IsValid(token, timestamp, q["nonce"].ToString(), q["signature"].ToString()))
        {
            logger.LogWarning("WeChat push refused: missing or wrong signature");
            await ApiResponses.ProblemAsync(ctx, 401, "推送未通过验证", "签名缺失或错误", new Dictionary<string, string[]> { ["signature"] = ["缺少或错误"] });
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > MaxSkewSeconds)
        {
            logger.LogWarning("WeChat push refused: timestamp {Timestamp} is more than 5 minutes off", timestamp);
            await ApiResponses.ProblemAsync(ctx, 403, "推送已过期", "timestamp 与当前时间相差超过5分钟", new Dictionary<string, string[]> { ["timestamp"] = ["已过期"] });
            return false;
        }

        return true;
    }

    static async Task TextAsync(HttpContext ctx, int status, string text)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        await ctx.Response.WriteAsync(text, ctx.RequestAborted);
    }
}
