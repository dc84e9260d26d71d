using Channels.Publishing.Api;
using Channels.Publishing.Storage;
using Microsoft.DurableTask.Client;

namespace Channels.Local;

/// <summary>The v1 HTTP API and the site, mapped onto the core handlers (the Function App maps the same handlers).</summary>
public static class Endpoints
{
    public static void MapChannelsApi(this WebApplication app)
    {
        app.MapPost("/api/publications", (HttpContext ctx, PublicationsApi api, DurableTaskClient client) => api.SubmitAsync(ctx, client));
        app.MapGet("/api/publications", (HttpContext ctx, MonitoringApi api) => api.ListAsync(ctx));
        app.MapGet("/api/publications/{id}", (HttpContext ctx, PublicationsApi api, string id) => api.GetAsync(ctx, id));
        app.MapPost("/api/publications/{id}/channels/{channel}/retry", (HttpContext ctx, MonitoringApi api, DurableTaskClient client, string id,
            string channel) => api.RetryAsync(ctx, client, id, channel));
        app.MapPost("/api/publications/{id}/retract", (HttpContext ctx, MonitoringApi api, DurableTaskClient client, string id) => api.RetractAsync(ctx, client,
            id));
        app.MapPost("/api/publications/{id}/schedule", (HttpContext ctx, ScheduleApi api, DurableTaskClient client, string id) => api.RescheduleAsync(ctx,
            client, id));
        app.MapPost("/api/publications/{id}/cancel", (HttpContext ctx, ScheduleApi api, DurableTaskClient client, string id) => api.CancelAsync(ctx, client,
            id));
        app.MapPost("/api/channels/wechat/digest", (HttpContext ctx, DigestApi api, DurableTaskClient client) => api.TriggerAsync(ctx, client));
        app.MapGet("/api/channels/health", (HttpContext ctx, MonitoringApi api) => api.HealthAsync(ctx));
        app.MapPost("/api/channels/{channel}/resume", (HttpContext ctx, MonitoringApi api, string channel) => api.ResumeAsync(ctx, channel));
        app.MapGet("/api/whoami", (HttpContext ctx, MonitoringApi api) => api.WhoAmIAsync(ctx));
        app.MapGet("/api/publications/{id}/proof", (HttpContext ctx, PublicationsApi api, string id) => api.ProofAsync(ctx, id));
        app.MapGet("/api/statistics/{year}", (HttpContext ctx, StatisticsApi api, string year) => api.GetYearAsync(ctx, year));
        app.MapGet("/api/rules/{year}", (HttpContext ctx, StatisticsApi api, string year) => api.GetRulesAsync(ctx, year));
        app.MapGet("/api/reports/{year}", (HttpContext ctx, StatisticsApi api, string year) => api.GetReportAsync(ctx, year));
        app.MapPost("/api/sms/receipts", (HttpContext ctx, SmsCallbackApi api) => api.ReceiveAsync(ctx));
        app.MapGet("/api/sms/audiences", (HttpContext ctx, SmsAudiencesApi api) => api.ListAsync(ctx));
        app.MapGet("/api/sms/audiences/{name}", (HttpContext ctx, SmsAudiencesApi api, string name) => api.GetAsync(ctx, name));
        app.MapPut("/api/sms/audiences/{name}", (HttpContext ctx, SmsAudiencesApi api, string name) => api.ReplaceAsync(ctx, name));
        app.MapPost("/api/sms/audiences/{name}/members", (HttpContext ctx, SmsAudiencesApi api, string name) => api.AddMembersAsync(ctx, name));
        app.MapDelete("/api/sms/audiences/{name}/members/{number}", (HttpContext ctx, SmsAudiencesApi api, string name, string number) =>
            api.RemoveMemberAsync(ctx, name, number));
        app.MapGet("/api/channels/wechat/events", (HttpContext ctx, WeChatEventsApi api) => api.VerifyUrlAsync(ctx));
        app.MapPost("/api/channels/wechat/events", (HttpContext ctx, WeChatEventsApi api) => api.ReceiveAsync(ctx));
        app.MapGet("/api/health", (HttpContext ctx, StatisticsApi api) => api.HealthAsync(ctx));
    }

    /// <summary>Serves the $web container under /site/, the way the static website endpoint would (index.html for folders).</summary>
    public static void MapStaticSite(this WebApplication app)
    {
        app.MapGet("/site/{**path}", async (HttpContext ctx, ChannelsStorage storage, string? path) =>
        {
            path = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
            if (path.Contains("..", StringComparison.Ordinal)) return Results.NotFound();
            await storage.EnsureCreatedAsync();
            var blob = storage.Web.GetBlobClient(path);
            try
            {
                var content = await blob.DownloadContentAsync(ctx.RequestAborted);
                return Results.Bytes(content.Value.Content.ToArray(), content.Value.Details.ContentType ?? "application/octet-stream");
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                return Results.Content("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>页面不存在</title><p>页面不存在或已撤下。</p></html>",
                    "text/html; charset=utf-8", statusCode: 404);
            }
        });
        app.MapGet("/", () => Results.Redirect("/site/"));
        app.MapGet("/dashboard/{**path}", (HttpContext ctx, string? path) => Channels.Publishing.Dashboard.DashboardAssets.ServeAsync(ctx, path));
    }
}
