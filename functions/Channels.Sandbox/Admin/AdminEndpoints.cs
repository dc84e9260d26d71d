using System.Text.Json;
using Channels.Sandbox.Faults;
using Channels.Sandbox.Infrastructure;
using Channels.Sandbox.Journaling;

namespace Channels.Sandbox.Admin;

/// <summary>
/// /sandbox: health, journals (per channel and merged), fault rules (add, list, remove one, clear), WeChat token
/// expiry (every issued access_token expires now), the WeChat push target (PUT/DELETE /sandbox/wechat/push) and reset.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/sandbox/health", () => Json(new { ok = true }));
        app.MapGet("/sandbox/journal", (JournalStore journal) => Json(journal.Read(null)));
        app.MapGet("/sandbox/{channel}/journal", (string channel, JournalStore journal) =>
            ChannelNames.IsKnown(channel) ? Json(journal.Read(channel)) : Json(new { error = $"unknown channel {channel}" }, 404));

        app.MapPost("/sandbox/faults", AddFaultAsync);
        app.MapGet("/sandbox/faults", (FaultStore faults) => Json(faults.List()));
        app.MapDelete("/sandbox/faults", (FaultStore faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapDelete("/sandbox/faults/{id:int}", (int id, FaultStore faults) =>
            faults.Remove(id) ? Results.NoContent() : Json(new { error = $"no fault {id}" }, 404));

        app.MapPost("/sandbox/wechat/expire-tokens", (WeChat.WeChatTokenStore tokens) => Json(new { expired = tokens.ExpireAll() }));

        app.MapPut("/sandbox/wechat/push", async (HttpContext http, WeChat.WeChatPushSender push) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, SandboxJson.Input, http.RequestAborted);
            var url = body.TryGetProperty("url", out var u) ? u.GetString() : null;
            if (!Uri.TryCreate(url, UriKind.Absolute, out _)) return Json(new { error = "url must be an absolute URL" }, 400);
            push.Configure(url, body.TryGetProperty("token", out var t) ? t.GetString() ?? "" : "");
            return Results.NoContent();
        });
        app.MapDelete("/sandbox/wechat/push", (WeChat.WeChatPushSender push) =>
        {
            push.Configure("", "");
            return Results.NoContent();
        });

        app.MapPost("/sandbox/reset", (IEnumerable<IResettable> state) =>
        {
            foreach (var part in state) part.Reset();
            return Results.NoContent();
        });
    }

    static async Task<IResult> AddFaultAsync(HttpContext http, FaultStore faults)
    {
        FaultSpec? spec;
        try
        {
            spec = await JsonSerializer.DeserializeAsync<FaultSpec>(http.Request.Body, SandboxJson.Input, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Json(new { error = "body is not a fault JSON object: " + e.Message }, 400);
        }

        if (spec is null) return Json(new { error = "body is not a fault JSON object" }, 400);
        var (rules, error) = spec.ToRules();
        if (rules.Count == 0) return Json(new { error }, 400);
        var added = rules.Select(faults.Add).ToList();
        return spec.IsWideSwitch ? Json(new { ids = added.Select(a => a.Id), faults = added }, 201) : Json(new { id = added[0].Id, fault = added[0] }, 201);
    }

    static IResult Json(object value, int status = 200) => Results.Json(value, SandboxJson.Options, statusCode: status);
}
