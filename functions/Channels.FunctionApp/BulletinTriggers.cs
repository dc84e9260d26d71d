using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Channels.FunctionApp;

/// <summary>The bulletin exports' API: the same core handler the local host maps (GET reads, admin POST rebuilds).</summary>
public sealed class BulletinTriggers(BulletinApi bulletin)
{
    [Function("RebuildGazette")]
    public async Task<IActionResult> Gazette(
        [HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = "bulletin/gazette/{year}/{month}")] HttpRequest req, string year, string month)
    {
        await bulletin.GazetteAsync(req.HttpContext, year, month);
        return new EmptyResult();
    }
}
