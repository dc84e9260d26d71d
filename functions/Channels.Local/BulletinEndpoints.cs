using Channels.Publishing.Storage;

namespace Channels.Local;

/// <summary>
/// The bulletin exports on the local host (the gazette rebuild API is in ApiRoutes): the bulletin container served read-only
/// under /bulletin/ (issues, notices, gazettes) so people can open and print them (Azurite serves no web endpoint).
/// </summary>
public static class BulletinEndpoints
{
    public static void MapBulletin(this WebApplication app)
    {
        app.MapGet("/bulletin/{**path}", async (HttpContext ctx, ChannelsStorage storage, string? path) =>
        {
            path = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
            if (path.Contains("..", StringComparison.Ordinal)) return Results.NotFound();
            try
            {
                var content = await storage.Bulletin.GetBlobClient(path).DownloadContentAsync(ctx.RequestAborted);
                return Results.Bytes(content.Value.Content.ToArray(), content.Value.Details.ContentType ?? "application/octet-stream");
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                return Results.Content("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>页面不存在</title><p>页面不存在或已撤下。</p></html>",
                    "text/html; charset=utf-8", statusCode: 404);
            }
        });
    }
}
