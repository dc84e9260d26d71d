using System.Text.Json;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// Sandbox controls for what the real platform decides out of sight: PUT/GET /sandbox/wechat/verdicts (the next
/// freepublish and mass-send outcomes, 群发保护; <see cref="WeChatVerdictPlan"/>), POST
/// /sandbox/wechat/mass/{msgId}/confirm|reject (the administrator's answer on their phone) and PUT
/// /sandbox/wechat/push-crypto {mode, aesKey} (the server URL's message mode).
/// </summary>
internal static class WeChatAdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/sandbox/wechat/verdicts", (WeChatVerdictPlan plan) => Results.Json(plan.Describe()));
        app.MapPut("/sandbox/wechat/verdicts", async (HttpContext http, WeChatVerdictPlan plan) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, SandboxJson.Input, http.RequestAborted);
            var publish = body.TryGetProperty("publish", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(e => e.GetInt32()).ToList() : [];
            if (publish.Any(s => !WeChatVerdictPlan.PlannablePublishStatuses.Contains(s)))
                return Results.Json(new { error = "publish statuses must be among 0, 2, 3, 4, 6 (5 follows freepublish/delete)" }, statusCode: 400);
            var massStatuses = body.TryGetProperty("mass", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
            if (massStatuses.Any(s => s is not ("send success" or "send fail") && !s.StartsWith("err(", StringComparison.Ordinal)))
                return Results.Json(new { error = "mass statuses must be \"send success\", \"send fail\" or \"err(num)\"" }, statusCode: 400);
            bool? protection = body.TryGetProperty("massProtection", out var mp) && mp.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? mp.GetBoolean() : null;
            plan.Plan(publish, massStatuses, protection);
            return Results.Json(plan.Describe());
        });
        app.MapPost("/sandbox/wechat/mass/{msgId:long}/{decision}", (long msgId, string decision, WeChatMassStore mass, WeChatPushSender push) =>
        {
            if (decision is not ("confirm" or "reject")) return Results.Json(new { error = "confirm or reject" }, statusCode: 404);
            if (mass.Decide(msgId, decision == "confirm") is not { } job)
                return Results.Json(new { error = $"mass send {msgId} is not waiting for confirmation" }, statusCode: 409);
            if (decision == "confirm") push.ScheduleMass(msgId);
            else push.PushMassNow(job);
            return Results.Json(job);
        });
        app.MapPut("/sandbox/wechat/push-crypto", async (HttpContext http, WeChatPushSender push) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, SandboxJson.Input, http.RequestAborted);
            var error = push.ConfigureCrypto(body.TryGetProperty("mode", out var m) ? m.GetString() : null,
                body.TryGetProperty("aesKey", out var k) ? k.GetString() : null);
            return error is null ? Results.NoContent() : Results.Json(new { error }, statusCode: 400);
        });
    }
}
