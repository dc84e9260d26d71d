using System.Text.Json;
using Channels.Publishing.Api.Access;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Channels.Publishing.Api;

/// <summary>
/// Editors move or cancel a scheduled publication before it goes: POST /api/publications/{id}/schedule
/// {publishAt, reason?} and POST /api/publications/{id}/cancel {reason}. The orchestration holding the item on its
/// durable timer receives the change as event "schedule"; once the item is publishing, both answer 409.
/// </summary>
public sealed class ScheduleApi(PublicationStore store, PublicationsApi publications, AccessGate access, TimeProvider time)
{
    /// <summary>A reschedule or cancel body is a time and a reason: 16 KB is generous, and read no further (chunked or not).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public Task RescheduleAsync(HttpContext ctx, DurableTaskClient client, string id) => ChangeAsync(ctx, client, id, cancel: false);

    public Task CancelAsync(HttpContext ctx, DurableTaskClient client, string id) => ChangeAsync(ctx, client, id, cancel: true);

    async Task ChangeAsync(HttpContext ctx, DurableTaskClient client, string id, bool cancel)
    {
        var ct = ctx.RequestAborted;
        var (body, status, field, message) = await ReadAsync(ctx.Request, cancel, ct);
        if (body is null)
        {
            await ApiResponses.ProblemAsync(ctx, status, cancel ? "取消请求无效" : "改期请求无效", message, new Dictionary<string, string[]> { [field!] = [message!] });
            return;
        }

        if (await publications.FindOr404Async(ctx, id) is not { } record) return;
        if (record.Status != PublicationStatus.Scheduled)
        {
            await ApiResponses.ProblemAsync(ctx, 409, "已不能改期或取消", $"该信息状态为 {record.Status}：只有尚未发布的定时信息可以改期或取消",
                new Dictionary<string, string[]> { ["status"] = [record.Status] });
            return;
        }

        if (!cancel && ImportRule.IsImport(body.PublishAt!.Value, time.GetUtcNow()) && access.RoleOf(ctx.Request) < ApiRole.Admin)
        {
            await ApiResponses.ProblemAsync(ctx, 403, "历史信息导入仅限渠道管理员", ImportRule.Refusal,
                new Dictionary<string, string[]> { ["publishAt"] = [ImportRule.Refusal] });
            return;
        }

        if (!cancel)
        {
            var item = await store.LoadItemAsync(record, ct);
            if (item.Approval?.ApprovedAt is { } approved && body.PublishAt < approved)
            {
                await ApiResponses.ProblemAsync(ctx, 422, "改期请求无效", "发布时间不能早于审批时间（先审查、后发布）",
                    new Dictionary<string, string[]> { ["publishAt"] = ["早于审批时间 " + ChinaTime.Format(approved)] });
                return;
            }
        }

        var by = ApiRoles.Chinese(access.RoleOf(ctx.Request));
        await client.RaiseEventAsync(record.InstanceId, PublishOrchestrator.ScheduleEvent, new ScheduleChange(body.PublishAt, cancel, by, body.Reason), ct);
        var next = cancel ? PublicationStatus.Cancelled : body.PublishAt <= time.GetUtcNow() ? PublicationStatus.Publishing : PublicationStatus.Scheduled;
        await ApiResponses.JsonAsync(ctx, 202, new { id, status = next, publishAt = body.PublishAt ?? record.PublishAt });
    }

    sealed record Body(DateTimeOffset? PublishAt, string? Reason);

    static async Task<(Body? Body, int Status, string? Field, string? Message)> ReadAsync(HttpRequest request, bool cancel, CancellationToken ct)
    {
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, ct) is not { } bytes) return (null, 413, "body", $"请求体不能超过{MaxBodyBytes / 1024}KB");
        JsonElement json;
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
            json = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, 400, "body", "请求体不是有效的 JSON");
        }

        if (json.ValueKind != JsonValueKind.Object) return (null, 400, "body", "请求体应为 JSON 对象");
        if (JsonStrings.FirstUnreadable(json) is { } unreadable) return (null, 400, unreadable, "含有无法读取的字符（孤立的 UTF-16 代理项或无效的 UTF-8）");
        var reason = json.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()!.Trim() : null;
        if (reason is { Length: > 500 }) return (null, 422, "reason", "原因不超过500字");
        if (TextRules.FirstForbidden(reason) is not null) return (null, 422, "reason", "原因含有不允许的控制字符或非字符");
        if (cancel) return string.IsNullOrEmpty(reason) ? (null, 422, "reason", "请填写取消原因") : (new Body(null, reason), 0, null, null);

        if (!json.TryGetProperty("publishAt", out var p) || p.ValueKind != JsonValueKind.String) return (null, 422, "publishAt", "请提供新的发布时间");
        var text = p.GetString()!;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return (null, 400, "publishAt", "时间格式应为带时区的 ISO 8601，例如 2017-05-10T09:00:00+08:00");
        }

        if (at.Year is < 2000 or > 2100) return (null, 422, "publishAt", "发布时间超出范围");
        return (new Body(at, string.IsNullOrEmpty(reason) ? null : reason), 0, null, null);
    }
}
