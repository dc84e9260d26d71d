using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Channels.FunctionApp;

/// <summary>The column catalogue: the same handlers as the local host (roles checked inside).</summary>
public sealed class ColumnTriggers(ColumnsApi columns)
{
    [Function("GetColumns")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "columns")] HttpRequest req)
    {
        await columns.GetAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("ReplaceColumns")]
    public async Task<IActionResult> Replace([HttpTrigger(AuthorizationLevel.Function, "put", Route = "columns")] HttpRequest req)
    {
        await columns.ReplaceAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("GetColumnHistory")]
    public async Task<IActionResult> History([HttpTrigger(AuthorizationLevel.Function, "get", Route = "columns/history")] HttpRequest req)
    {
        await columns.HistoryAsync(req.HttpContext);
        return new EmptyResult();
    }
}
