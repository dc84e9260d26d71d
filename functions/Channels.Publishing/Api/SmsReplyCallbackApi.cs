using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Channels.Publishing.Channels;
using Channels.Publishing.Channels.Sms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// POST /api/sms/replies?token=…: Tencent's reply callback (SMS Reply, https://www.tencentcloud.com/document/product/382/43548):
/// one JSON object {extend, mobile, nationcode, sign, text, time (unix s)} per reply (an array of them is accepted too).
/// A TD/退订/T/N reply puts the number on the opt-out list; other replies are acknowledged and dropped (not stored:
/// they are personal messages). Same token as the receipt callback; answers {"result":0,"errmsg":"OK"}.
/// </summary>
public sealed class SmsReplyCallbackApi(SmsOptOuts optOuts, IOptions<SmsOptions> options, TimeProvider time, ILogger<SmsReplyCallbackApi> logger)
{
    const int MaxBodyBytes = 64 * 1024;

    public async Task ReceiveAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        var expected = options.Value.CallbackToken;
        var given = ctx.Request.Query["token"].ToString();
        if (string.IsNullOrEmpty(expected)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            logger.LogWarning("SMS reply callback refused: missing or wrong token");
            await ApiResponses.ProblemAsync(ctx, 401, "回调未通过验证", "回调地址须携带配置的 token 参数", new Dictionary<string, string[]> { ["token"] = ["缺少或错误"] });
            return;
        }

        if (await RequestBody.ReadAsync(ctx.Request, MaxBodyBytes, ct) is not { } bytes)
        {
            await ApiResponses.JsonAsync(ctx, 413, new { result = 1, errmsg = "body too large" });
            return;
        }

        JsonElement body;
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 4 });
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            await ApiResponses.JsonAsync(ctx, 400, new { result = 1, errmsg = "body is not JSON" });
            return;
        }

        var replies = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : body.ValueKind == JsonValueKind.Object ? [body] : [];
        if (replies.Count == 0 || replies.Any(r => r.ValueKind != JsonValueKind.Object))
        {
            await ApiResponses.JsonAsync(ctx, 400, new { result = 1, errmsg = "expected a reply object {mobile, nationcode, text, time}" });
            return;
        }

        foreach (var r in replies)
        {
            var mobile = (r.Str("nationcode") is { Length: > 0 } code ? "+" + code : "") + (r.Str("mobile") ?? "");
            var at = long.TryParse(r.Str("time"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var t)
                && t > 0
                ? DateTimeOffset.FromUnixTimeSeconds(t) : time.GetUtcNow();
            await optOuts.RecordReplyAsync(mobile, r.Str("text") ?? "", at, "callback", ct);
        }

        await ApiResponses.JsonAsync(ctx, 200, new { result = 0, errmsg = "OK" });
    }
}
