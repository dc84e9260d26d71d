using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Channels.FunctionApp;

/// <summary>The v1 HTTP API: each trigger hands the request to the same core handler the local host uses.</summary>
public sealed class HttpTriggers(PublicationsApi publications, StatisticsApi statistics, SmsCallbackApi smsReceipts)
{
    [Function("SubmitPublication")]
    public async Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "publications")] HttpRequest req, [DurableClient] DurableTaskClient client)
    {
        await publications.SubmitAsync(req.HttpContext, client);
        return new EmptyResult();
    }

    [Function("GetPublication")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "publications/{id}")] HttpRequest req, string id)
    {
        await publications.GetAsync(req.HttpContext, id);
        return new EmptyResult();
    }

    [Function("GetPublicationProof")]
    public async Task<IActionResult> Proof([HttpTrigger(AuthorizationLevel.Function, "get", Route = "publications/{id}/proof")] HttpRequest req, string id)
    {
        await publications.ProofAsync(req.HttpContext, id);
        return new EmptyResult();
    }

    [Function("GetStatistics")]
    public async Task<IActionResult> Statistics([HttpTrigger(AuthorizationLevel.Function, "get", Route = "statistics/{year}")] HttpRequest req, string year)
    {
        await statistics.GetYearAsync(req.HttpContext, year);
        return new EmptyResult();
    }

    [Function("GetReport")]
    public async Task<IActionResult> Report([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{year}")] HttpRequest req, string year)
    {
        await statistics.GetReportAsync(req.HttpContext, year);
        return new EmptyResult();
    }

    /// <summary>Tencent's receipt callback; configure its URL in the SMS console with ?code=&lt;function key&gt;.</summary>
    [Function("SmsReceipts")]
    public async Task<IActionResult> SmsReceipts([HttpTrigger(AuthorizationLevel.Function, "post", Route = "sms/receipts")] HttpRequest req)
    {
        await smsReceipts.ReceiveAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("Health")]
    public async Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req)
    {
        await statistics.HealthAsync(req.HttpContext);
        return new EmptyResult();
    }
}
