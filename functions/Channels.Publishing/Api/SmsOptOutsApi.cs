using System.Text.Json;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>
/// The SMS opt-out list, for admins: GET /api/sms/optouts (every number, when, how, what was replied), POST
/// /api/sms/optouts {numbers, note?} (put numbers on it, e.g. a citizen who asked by phone), DELETE
/// /api/sms/optouts/{number} (undo: the number may be sent to again) and POST /api/sms/optouts/pull (read the
/// platform's pending replies now). Numbers are shown in full: only admins see this list.
/// </summary>
public sealed class SmsOptOutsApi(SmsOptOutStore store, SmsOptOuts optOuts, TimeProvider time)
{
    const int MaxBodyBytes = 512 * 1024;

    public async Task ListAsync(HttpContext ctx)
    {
        var list = await store.ListAsync(ctx.RequestAborted);
        await ApiResponses.JsonAsync(ctx, 200, new
        {
            count = list.Count,
            optOuts = list.OrderByDescending(o => o.At).Select(o => new { number = o.Number, at = o.At, source = o.Source, note = o.Note }),
        });
    }

    public async Task AddAsync(HttpContext ctx)
    {
        if (await RequestBody.ReadAsync(ctx.Request, MaxBodyBytes, ctx.RequestAborted) is not { } bytes)
        {
            await ApiResponses.ProblemAsync(ctx, 413, "请求体过大", $"请求体不能超过{MaxBodyBytes / 1024}KB", new Dictionary<string, string[]> { ["body"] = ["过大"] });
            return;
        }

        var errors = new Dictionary<string, string[]>();
        var numbers = new List<string>();
        string? note = null;
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("numbers", out var list) || list.ValueKind != JsonValueKind.Array
                || JsonStrings.FirstUnreadable(root) is not null) throw new JsonException();
            note = root.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var i = 0;
            foreach (var e in list.EnumerateArray().Take(ItemValidator.MaxSmsAudience))
            {
                if (e.ValueKind == JsonValueKind.String && PhoneNumbers.Normalise(e.GetString()!) is { } e164) numbers.Add(e164);
                else errors[$"numbers[{i}]"] = ["不是有效的中国大陆手机号码"];
                i++;
            }
        }
        catch (JsonException)
        {
            await ApiResponses.ProblemAsync(ctx, 400, "请求无法解析", "请求体须为 {\"numbers\": [\"138…\", …], \"note\": \"…\"}",
                new Dictionary<string, string[]> { ["numbers"] = ["缺少号码数组"] });
            return;
        }

        if (note is { Length: > 200 } || TextRules.FirstForbidden(note) is not null) errors["note"] = ["备注不超过200字，且不能含控制字符"];
        if (numbers.Count == 0 && errors.Count == 0) errors["numbers"] = ["号码不能为空"];
        if (errors.Count > 0)
        {
            await ApiResponses.ProblemAsync(ctx, 422, "退订名单未通过校验", string.Join("；", errors.Keys), errors);
            return;
        }

        var added = 0;
        foreach (var number in numbers.Distinct(StringComparer.Ordinal))
        {
            if (await store.AddAsync(new SmsOptOut(number, time.GetUtcNow(), "admin", note), ctx.RequestAborted)) added++;
        }

        await ApiResponses.JsonAsync(ctx, 200, new { added });
    }

    public async Task RemoveAsync(HttpContext ctx, string number)
    {
        if (PhoneNumbers.Normalise(number) is not { } e164)
        {
            await ApiResponses.ProblemAsync(ctx, 422, "号码无效", "不是有效的中国大陆手机号码", new Dictionary<string, string[]> { ["number"] = ["不是有效的中国大陆手机号码"] });
            return;
        }

        if (!await store.RemoveAsync(e164, ctx.RequestAborted))
        {
            await ApiResponses.ProblemAsync(ctx, 404, "该号码不在退订名单中", null, new Dictionary<string, string[]> { ["number"] = ["不在退订名单中"] });
            return;
        }

        ctx.Response.StatusCode = 204;
    }

    public async Task PullAsync(HttpContext ctx)
    {
        await ApiResponses.JsonAsync(ctx, 200, new { added = await optOuts.PullRepliesAsync(ctx.RequestAborted) });
    }
}
