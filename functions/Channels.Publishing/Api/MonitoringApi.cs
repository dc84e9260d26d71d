using System.Globalization;
using Channels.Publishing.Api.Access;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Monitoring;
using Channels.Publishing.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// What channel admins use: the filtered publication list, retry of one failed channel, retraction across channels,
/// channel health and resuming a held channel; and GET /api/whoami for the dashboard.
/// </summary>
public sealed class MonitoringApi(
    PublicationStore store, PublicationQuery query, DeliveryLedger ledger, ChannelHealthService health, AccessGate access,
    PublicationsApi publications, IEnumerable<Channels.IChannelResumer> resumers, IOptions<DeliveryOptions> delivery, TimeProvider time,
    Channels.ChannelCatalog? channels = null)
{
    public async Task WhoAmIAsync(HttpContext ctx)
    {
        var role = access.RoleOf(ctx.Request);
        await ApiResponses.JsonAsync(ctx, 200, new { role = ApiRoles.Name(role), label = ApiRoles.Chinese(role) });
    }

    /// <summary>GET /api/publications?status=&amp;channel=&amp;state=&amp;column=&amp;from=&amp;to=&amp;q=&amp;limit=&amp;offset=</summary>
    public async Task ListAsync(HttpContext ctx)
    {
        if (PublicationFilter.Parse(ctx.Request.Query, channels) is var (filter, problems) && problems.Count > 0)
        {
            await ApiResponses.ProblemAsync(ctx, 400, "查询条件无效", string.Join("；", problems.Values.SelectMany(v => v)), problems);
            return;
        }

        await ApiResponses.JsonAsync(ctx, 200, await query.ListAsync(filter!, ctx.RequestAborted));
    }

    /// <summary>POST /api/publications/{id}/channels/{channel}/retry: only a failed (or credentials-expired) channel.</summary>
    public async Task RetryAsync(HttpContext ctx, DurableTaskClient client, string id, string channel)
    {
        var ct = ctx.RequestAborted;
        if (await publications.FindOr404Async(ctx, id) is not { } record) return;
        if (!record.ChannelList.Contains(channel, StringComparer.Ordinal))
        {
            await ApiResponses.ProblemAsync(ctx, 404, "该信息未发往此渠道", $"“{id}”的发布渠道不包括 {channel}",
                new Dictionary<string, string[]> { ["channel"] = ["不是该信息的发布渠道"] });
            return;
        }

        var entry = await ledger.FindAsync(id, channel, ct);
        if (entry is null || !DeliveryState.IsRetryable(entry.State))
        {
            await ApiResponses.ProblemAsync(ctx, 409, "当前状态不能重试", $"渠道 {channel} 的状态为 {entry?.State ?? "pending"}，只有失败或凭证失效的渠道可以重试",
                new Dictionary<string, string[]> { ["channel"] = [$"状态为 {entry?.State ?? "pending"}"] });
            return;
        }

        if (!await ledger.ReopenForRetryAsync(entry, time.GetUtcNow(), ct))
        {
            await ApiResponses.ProblemAsync(ctx, 409, "状态已变化", "该渠道刚被其他操作更新，请刷新后再试");
            return;
        }

        var instance = RetryChannelOrchestrator.InstanceId(id, channel, entry.Retries);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryChannelOrchestrator),
            new RetryRequest(id, channel, delivery.Value.ToPolicy()), new Microsoft.DurableTask.StartOrchestrationOptions(instance), ct);
        await store.UpdateStatusAsync(id, PublicationStatus.Publishing, time.GetUtcNow(), false, null, ct);
        await ApiResponses.JsonAsync(ctx, 202, new { id, channel, state = entry.State, instanceId = instance });
    }

    /// <summary>POST /api/publications/{id}/retract {reason, smsCorrection?}: once publishing has finished.</summary>
    public async Task RetractAsync(HttpContext ctx, DurableTaskClient client, string id)
    {
        var ct = ctx.RequestAborted;
        var (request, problem) = await RetractForm.ReadAsync(ctx.Request, ct);
        if (request is null)
        {
            await ApiResponses.ProblemAsync(ctx, problem!.Status, "撤回请求无效", problem.Message, new Dictionary<string,
                string[]> { [problem.Field] = [problem.Message] });
            return;
        }

        if (await publications.FindOr404Async(ctx, id) is not { } record) return;
        if (record.Status is PublicationStatus.Retracting or PublicationStatus.Retracted || !PublicationStatus.IsFinal(record.Status))
        {
            await ApiResponses.ProblemAsync(ctx, 409, "当前状态不能撤回", $"该信息状态为 {record.Status}：发布结束后才能撤回，且只能撤回一次",
                new Dictionary<string, string[]> { ["status"] = [record.Status] });
            return;
        }

        var by = ApiRoles.Chinese(access.RoleOf(ctx.Request));
        await store.PatchAsync(id, new Dictionary<string, object> { ["RetractReason"] = request.Reason, ["RetractedBy"] = by }, ct);
        await store.UpdateStatusAsync(id, PublicationStatus.Retracting, time.GetUtcNow(), false, null, ct);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RetractOrchestrator),
            new RetractRequest(id, record.ChannelList, request.Reason, request.SmsCorrection, delivery.Value.ToPolicy()),
            new Microsoft.DurableTask.StartOrchestrationOptions("retract-" + id), ct);
        await ApiResponses.JsonAsync(ctx, 202, new { id, status = PublicationStatus.Retracting });
    }

    public async Task HealthAsync(HttpContext ctx)
    {
        await ApiResponses.JsonAsync(ctx, 200, await health.GetAsync(ctx.RequestAborted));
    }

    /// <summary>POST /api/channels/{channel}/resume: an admin has renewed the credentials; lifts the hold.</summary>
    public async Task ResumeAsync(HttpContext ctx, string channel)
    {
        var resumer = resumers.FirstOrDefault(r => r.Channel == channel);
        if (resumer is null || !await resumer.ResumeAsync(ctx.RequestAborted))
        {
            await ApiResponses.ProblemAsync(ctx, 409, "该渠道没有暂停", $"渠道 {channel} 当前没有因凭证失效而暂停",
                new Dictionary<string, string[]> { ["channel"] = ["没有暂停"] });
            return;
        }

        await ApiResponses.JsonAsync(ctx, 200, new { channel, held = false });
    }
}
