using System.Globalization;
using Channels.Publishing.Items;
using Channels.Publishing.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// Starts the WeChat digest of a China date: the schedulers (a background service locally, a timer trigger in Azure)
/// and an admin's POST /api/channels/wechat/digest[?date=yyyy-MM-dd] ("send today's digest now"). A digest that
/// already ran is run again only to pick up what it left (the digest record and clientmsgid prevent a second send).
/// </summary>
public sealed class DigestApi(IOptions<DeliveryOptions> delivery, TimeProvider time)
{
    public async Task TriggerAsync(HttpContext ctx, DurableTaskClient client)
    {
        var date = ctx.Request.Query["date"].ToString();
        if (date.Length == 0) date = ChinaTime.Date(time.GetUtcNow());
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            await ApiResponses.ProblemAsync(ctx, 400, "日期无效", "date 格式应为 yyyy-MM-dd", new Dictionary<string, string[]> { ["date"] = ["格式应为 yyyy-MM-dd"] });
            return;
        }

        var started = await StartAsync(client, date, delivery.Value.ToPolicy(), ctx.RequestAborted);
        await ApiResponses.JsonAsync(ctx, started ? 202 : 409, new { date, instanceId = WeChatDigestOrchestrator.InstanceId(date), started });
    }

    /// <summary>Starts (or restarts a finished) digest orchestration for the date; false while one is still running.</summary>
    public static async Task<bool> StartAsync(DurableTaskClient client, string date, DeliveryPolicy policy, CancellationToken ct)
    {
        var id = WeChatDigestOrchestrator.InstanceId(date);
        if (await client.GetInstanceAsync(id, ct) is { } existing)
        {
            if (!existing.IsCompleted) return false;
            await client.PurgeInstanceAsync(id, cancellation: ct);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(nameof(WeChatDigestOrchestrator), new DigestRequest(date, policy), new StartOrchestrationOptions(id),
            ct);
        return true;
    }
}
