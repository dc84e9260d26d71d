using System.Text.Json;
using Channels.Publishing.Api.Access;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>
/// Named SMS audiences. Admin: PUT /api/sms/audiences/{name} {numbers} (replace), POST …/{name}/members {numbers}
/// (add), DELETE …/{name}/members/{number}[?optOut=true] (remove, or keep marked opted out). Reader and up:
/// GET /api/sms/audiences (names and counts) and GET …/{name} (members; numbers masked unless the caller is admin).
/// Any invalid number → 422 naming numbers[i] and nothing is stored.
/// </summary>
public sealed class SmsAudiencesApi(SmsAudienceStore store, AccessGate access, SmsOptOutStore? optOuts = null, TimeProvider? time = null)
{
    const int MaxBodyBytes = 512 * 1024;

    public async Task ListAsync(HttpContext ctx)
    {
        var all = await store.ListAsync(ctx.RequestAborted);
        await ApiResponses.JsonAsync(ctx, 200, new { audiences = all.Select(a => new { name = a.Name, members = a.Members, optedOut = a.OptedOut }) });
    }

    public async Task GetAsync(HttpContext ctx, string name)
    {
        if (await NameOr422Async(ctx, name) is false) return;
        if (await store.GetAsync(name, ctx.RequestAborted) is not { } members)
        {
            await ApiResponses.ProblemAsync(ctx, 404, "未找到该受众名单", $"没有名为“{name}”的短信受众名单", new Dictionary<string, string[]> { ["name"] = ["不存在"] });
            return;
        }

        var clear = access.RoleOf(ctx.Request) >= ApiRole.Admin;
        // The one opt-out list counts for every audience: a member who replied TD is shown opted out here too.
        var listed = optOuts is null ? new HashSet<string>() : await optOuts.OptedOutAmongAsync(members.Select(m => m.Number).ToList(), ctx.RequestAborted);
        members = members.Select(m => m with { OptedOut = m.OptedOut || listed.Contains(m.Number) }).ToList();
        await ApiResponses.JsonAsync(ctx, 200, new
        {
            name,
            members = members.Count,
            optedOut = members.Count(m => m.OptedOut),
            numbers = members.Select(m => new { number = clear ? m.Number : PhoneNumbers.Mask(m.Number), optedOut = m.OptedOut }),
        });
    }

    public Task ReplaceAsync(HttpContext ctx, string name) => WriteAsync(ctx, name, store.ReplaceAsync);

    public Task AddMembersAsync(HttpContext ctx, string name) => WriteAsync(ctx, name, store.AddAsync);

    public async Task RemoveMemberAsync(HttpContext ctx, string name, string number)
    {
        if (await NameOr422Async(ctx, name) is false) return;
        if (PhoneNumbers.Normalise(number) is not { } normal)
        {
            await ApiResponses.ProblemAsync(ctx, 422, "号码无效", "不是有效的中国大陆手机号码", new Dictionary<string, string[]> { ["number"] = ["不是有效的中国大陆手机号码"] });
            return;
        }

        var optOut = string.Equals(ctx.Request.Query["optOut"], "true", StringComparison.OrdinalIgnoreCase);
        if (!await store.RemoveAsync(name, normal, optOut, ctx.RequestAborted))
        {
            await ApiResponses.ProblemAsync(ctx, 404, "该号码不在名单中", null, new Dictionary<string, string[]> { ["number"] = ["不在该受众名单中"] });
            return;
        }

        // An opt-out is the citizen's, not the audience's: it goes on the one list every send applies.
        if (optOut && optOuts is not null)
            await optOuts.AddAsync(new SmsOptOut(normal, (time ?? TimeProvider.System).GetUtcNow(), "audience", $"受众名单 {name}"), ctx.RequestAborted);

        ctx.Response.StatusCode = 204;
    }

    async Task WriteAsync(HttpContext ctx, string name, Func<string, IReadOnlyCollection<string>, CancellationToken, Task> write)
    {
        if (await NameOr422Async(ctx, name) is false) return;
        if (await ReadNumbersAsync(ctx) is not { } numbers) return;
        await write(name, numbers, ctx.RequestAborted);
        var members = await store.GetAsync(name, ctx.RequestAborted) ?? [];
        await ApiResponses.JsonAsync(ctx, 200, new { name, members = members.Count, optedOut = members.Count(m => m.OptedOut) });
    }

    /// <summary>{numbers:[…]} normalised and distinct, or null after answering 400/413/422.</summary>
    static async Task<IReadOnlyCollection<string>?> ReadNumbersAsync(HttpContext ctx)
    {
        if (await RequestBody.ReadAsync(ctx.Request, MaxBodyBytes, ctx.RequestAborted) is not { } bytes)
        {
            await ApiResponses.ProblemAsync(ctx, 413, "请求体过大", $"请求体不能超过{MaxBodyBytes / 1024}KB", new Dictionary<string, string[]> { ["body"] = ["过大"] });
            return null;
        }

        JsonElement numbers;
        try
        {
            var root = JsonDocument.Parse(bytes).RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("numbers", out numbers) || numbers.ValueKind != JsonValueKind.Array
                || JsonStrings.FirstUnreadable(root) is not null) throw new JsonException();
        }
        catch (JsonException)
        {
            await ApiResponses.ProblemAsync(ctx, 400, "请求无法解析", "请求体须为 {\"numbers\": [\"138…\", …]}", new Dictionary<string,
                string[]> { ["numbers"] = ["缺少号码数组"] });
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var normal = new List<string>();
        var i = 0;
        foreach (var n in numbers.EnumerateArray())
        {
            if (i >= ItemValidator.MaxSmsAudience)
            {
                errors["numbers"] = [$"一个名单最多{ItemValidator.MaxSmsAudience}个号码"];
                break;
            }

            if (n.ValueKind == JsonValueKind.String && PhoneNumbers.Normalise(n.GetString()!) is { } e164) normal.Add(e164);
            else errors[$"numbers[{i}]"] = ["不是有效的中国大陆手机号码"];
            i++;
        }

        if (normal.Count == 0 && errors.Count == 0) errors["numbers"] = ["号码不能为空"];
        if (errors.Count > 0)
        {
            await ApiResponses.ProblemAsync(ctx, 422, "名单未通过校验", string.Join("；", errors.Keys), errors);
            return null;
        }

        return normal.Distinct(StringComparer.Ordinal).ToList();
    }

    static async Task<bool> NameOr422Async(HttpContext ctx, string name)
    {
        if (SmsAudienceNames.IsValid(name)) return true;
        await ApiResponses.ProblemAsync(ctx, 422, "受众名单名称无效", "名称须为2–63位小写字母、数字或连字符", new Dictionary<string, string[]> { ["name"] = ["格式不正确"] });
        return false;
    }
}
