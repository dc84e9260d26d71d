using System.Text.Json;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>Writes JSON and RFC 9457 problem+json replies; the same code serves the local host and the Function App.</summary>
public static class ApiResponses
{
    public static async Task JsonAsync(HttpContext ctx, int status, object body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(ctx.Response.Body, body, body.GetType(), ChannelsJson.Options, ctx.RequestAborted);
    }

    public static async Task ProblemAsync(HttpContext ctx, int status, string title, string? detail = null, IReadOnlyDictionary<string,
        string[]>? errors = null)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/problem+json; charset=utf-8";
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = ctx.Request.Path.Value,
        };
        if (errors is not null) body["errors"] = errors;
        await JsonSerializer.SerializeAsync(ctx.Response.Body, body, ChannelsJson.Options, ctx.RequestAborted);
    }
}
