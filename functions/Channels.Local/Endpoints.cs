using Channels.Publishing.Api.Routes;
using Channels.Publishing.Storage;

namespace Channels.Local;

/// <summary>The v1 HTTP API (the shared route table) and the site.</summary>
public static class Endpoints
{
    /// <summary>Everything the local host serves: the API, the site, the dashboard, the bulletin files (RouteParityTests read this).</summary>
    public static void MapLocalHost(this WebApplication app)
    {
        app.MapChannelsApi();
        app.MapStaticSite();
        app.MapBulletin();
    }

    /// <summary>
    /// Every route of <see cref="ApiRoutes"/> under /api/ (the Function App declares the same table as triggers), each behind
    /// the access filter of its role. A route added here by hand, outside the table, fails RouteParityTests: add it to ApiRoutes.
    /// </summary>
    public static void MapChannelsApi(this WebApplication app)
    {
        foreach (var route in ApiRoutes.All)
        {
            app.MapMethods(route.LocalPattern, [route.Method.ToUpperInvariant()], (HttpContext ctx) =>
                route.Handler(new ApiCall(ctx, ctx.RequestServices, null,
                    route.Parameters.ToDictionary(p => p, p => ctx.Request.RouteValues.TryGetValue(p, out var v) ? v?.ToString() : null,
                        StringComparer.Ordinal))))
                .WithName(route.Name)
                .WithMetadata(route)
                .AddEndpointFilter(new RouteAccessFilter(route));
        }
    }

    /// <summary>Serves the $web container under /site/, the way the static website endpoint would (index.html for folders).</summary>
    public static void MapStaticSite(this WebApplication app)
    {
        app.MapGet("/site/{**path}", async (HttpContext ctx, ChannelsStorage storage, string? path) =>
        {
            path = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
            if (path.Contains("..", StringComparison.Ordinal)) return Results.NotFound();
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
