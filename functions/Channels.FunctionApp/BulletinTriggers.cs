using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Channels.FunctionApp.RouteRunner;
using R = Channels.Publishing.Api.Routes.ApiRoutes;

namespace Channels.FunctionApp;

/// <summary>The bulletin exports' API (table: ApiRoutes): a reader's GET says where the gazette is, an admin's POST rebuilds it.</summary>
public sealed class BulletinTriggers
{
    [Function(nameof(R.GetGazette))]
    public Task<IActionResult> GetGazette([HttpTrigger(AuthorizationLevel.Anonymous, R.Get, Route = R.GetGazette)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetGazette), req, ctx);

    [Function(nameof(R.RebuildGazette))]
    public Task<IActionResult> RebuildGazette([HttpTrigger(AuthorizationLevel.Anonymous, R.Post, Route = R.RebuildGazette)] HttpRequest req,
        FunctionContext ctx) =>
        RunAsync(nameof(R.RebuildGazette), req, ctx);
}
