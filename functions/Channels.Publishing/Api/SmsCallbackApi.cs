using System.Globalization;
using System.Text.Json;
using Channels.Publishing.Channels;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Api;

/// <summary>
/// POST /api/sms/receipts: Tencent's delivery-receipt callback, a JSON array of {user_receive_time, nationcode, mobile,
/// report_status, errmsg, description, sid}. Each receipt is matched to its item by sid (= SerialNo) and stored exactly
/// like a pulled one (upsert: a repeated callback changes nothing), then the item's verdict wait is woken to read them.
/// Unknown sids are logged and acknowledged.
/// Replies {"result":0,"errmsg":"OK"} as Tencent expects; a body that is not such an array is 400, one over 1 MB (chunked or not) 413.
/// </summary>
public sealed class SmsCallbackApi(
    SmsReceiptStore receipts, Orchestration.VerdictSignal signal, Microsoft.Extensions.Options.IOptions<SmsOptions> options,
    ILogger<SmsCallbackApi> logger, SmsFollowUp? followUp = null)
{
    /// <param name="client">Wakes the orchestration waiting for each item's SMS verdict (<see cref="Orchestration.VerdictSignal"/>).</param>
    public async Task ReceiveAsync(HttpContext ctx, Microsoft.DurableTask.Client.DurableTaskClient client)
    {
        var ct = ctx.RequestAborted;
        var expected = options.Value.CallbackToken;
        var given = ctx.Request.Query["token"].ToString();
        if (string.IsNullOrEmpty(expected) || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(given)),
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expected))))
        {
            logger.LogWarning("SMS receipt callback refused: missing or wrong token");
            await ApiResponses.ProblemAsync(ctx, 401, "回调未通过验证", "回调地址须携带配置的 token 参数",
                new Dictionary<string, string[]> { ["token"] = ["缺少或错误"] });
            return;
        }

        JsonElement body;
        if (await RequestBody.ReadAsync(ctx.Request, RequestReader.MaxBodyBytes, ct) is not { } bytes)
        {
            await ApiResponses.JsonAsync(ctx, 413, new { result = 1, errmsg = "body too large" });
            return;
        }

        try
        {
            body = JsonDocument.Parse(bytes).RootElement;
        }
        catch (JsonException)
        {
            await ApiResponses.JsonAsync(ctx, 400, new { result = 1, errmsg = "body is not JSON" });
            return;
        }

        if (body.ValueKind != JsonValueKind.Array)
        {
            await ApiResponses.JsonAsync(ctx, 400, new { result = 1, errmsg = "expected a JSON array of receipts" });
            return;
        }

        var byItem = new Dictionary<string, List<SmsReceipt>>(StringComparer.Ordinal);
        foreach (var r in body.EnumerateArray())
        {
            if (r.Str("sid") is not { Length: > 0 } sid) continue;
            if (await receipts.ItemOfAsync(sid, ct) is not { } itemId)
            {
                logger.LogWarning("SMS receipt for unknown sid {Sid} ignored", sid);
                continue;
            }

            var receipt = new SmsReceipt(sid, "+" + (r.Str("nationcode") ?? "86") + (r.Str("mobile") ?? ""), r.Str("report_status") ?? "",
                r.Str("description") ?? r.Str("errmsg"), "", ReceivedAt(r.Str("user_receive_time")));
            (byItem.TryGetValue(itemId, out var list) ? list : byItem[itemId] = []).Add(receipt);
        }

        foreach (var (itemId, list) in byItem)
        {
            await receipts.SaveAsync(itemId, list, ct);
            if (followUp is not null) await followUp.RefreshAsync(itemId, ct); // the ledger row shows the receipts at once
            await signal.RaiseAsync(client, itemId, ChannelNames.Sms, "receipt callback", ct);
        }
        await ApiResponses.JsonAsync(ctx, 200, new { result = 0, errmsg = "OK" });
    }

    /// <summary>"yyyy-MM-dd HH:mm:ss" in UTC+8, as unix seconds (0 when missing or malformed).</summary>
    static long ReceivedAt(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaTime.Offset).ToUnixTimeSeconds() : 0;
}
