using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Dashboard;

/// <summary>
/// The monitoring dashboard: three static files embedded in this assembly (no build step, no CDN), served the same
/// way by both hosts. The page holds no data: it asks for a key and calls the API with it. Strict CSP: only this
/// origin's scripts and calls.
/// </summary>
public static class DashboardAssets
{
    static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard-rules.js"] = "text/javascript; charset=utf-8",
        ["dashboard-compose.js"] = "text/javascript; charset=utf-8",
        ["dashboard-compose.css"] = "text/css; charset=utf-8",
    };

    public const string Csp = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static async Task ServeAsync(HttpContext ctx, string? path)
    {
        if (string.IsNullOrEmpty(path) && ctx.Request.Path.Value?.EndsWith('/') != true)
        {
            // Relative links (dashboard.js) need the folder form of the address.
            ctx.Response.Redirect(ctx.Request.PathBase + ctx.Request.Path + "/" + ctx.Request.QueryString);
            return;
        }

        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Types.TryGetValue(name, out var type) || typeof(DashboardAssets).Assembly.GetManifestResourceStream("dashboard/" + name) is not { } stream)
        {
            ctx.Response.StatusCode = 404;
            return;
        }

        await using (stream)
        {
            ctx.Response.ContentType = type;
            ctx.Response.Headers.ContentSecurityPolicy = Csp;
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.CacheControl = "no-cache";
            await stream.CopyToAsync(ctx.Response.Body, ctx.RequestAborted);
        }
    }
}
