using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Channels.FunctionApp;

/// <summary>The v1 HTTP API: each trigger hands the request to the same core handler the local host uses.</summary>
public sealed class HttpTriggers(PublicationsApi publications, StatisticsApi statistics, SmsCallbackApi smsReceipts, MonitoringApi monitoring,
    ScheduleApi schedule, DigestApi digest)
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

    [Function("ListPublications")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "publications")] HttpRequest req)
    {
        await monitoring.ListAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("RetryChannel")]
    public async Task<IActionResult> Retry(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "publications/{id}/channels/{channel}/retry")] HttpRequest req,
        [DurableClient] DurableTaskClient client, string id, string channel)
    {
        await monitoring.RetryAsync(req.HttpContext, client, id, channel);
        return new EmptyResult();
    }

    [Function("RetractPublication")]
    public async Task<IActionResult> Retract(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "publications/{id}/retract")] HttpRequest req, [DurableClient] DurableTaskClient client,
            string id)
    {
        await monitoring.RetractAsync(req.HttpContext, client, id);
        return new EmptyResult();
    }

    [Function("ReschedulePublication")]
    public async Task<IActionResult> Reschedule(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "publications/{id}/schedule")] HttpRequest req, [DurableClient] DurableTaskClient client,
            string id)
    {
        await schedule.RescheduleAsync(req.HttpContext, client, id);
        return new EmptyResult();
    }

    [Function("CancelPublication")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "publications/{id}/cancel")] HttpRequest req, [DurableClient] DurableTaskClient client,
            string id)
    {
        await schedule.CancelAsync(req.HttpContext, client, id);
        return new EmptyResult();
    }

    [Function("WeChatDigestNow")]
    public async Task<IActionResult> DigestNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/wechat/digest")] HttpRequest req, [DurableClient] DurableTaskClient client)
    {
        await digest.TriggerAsync(req.HttpContext, client);
        return new EmptyResult();
    }

    [Function("ChannelHealth")]
    public async Task<IActionResult> ChannelHealth([HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/health")] HttpRequest req)
    {
        await monitoring.HealthAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("ResumeChannel")]
    public async Task<IActionResult> Resume([HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{channel}/resume")] HttpRequest req,
        string channel)
    {
        await monitoring.ResumeAsync(req.HttpContext, channel);
        return new EmptyResult();
    }

    [Function("WhoAmI")]
    public async Task<IActionResult> WhoAmI([HttpTrigger(AuthorizationLevel.Function, "get", Route = "whoami")] HttpRequest req)
    {
        await monitoring.WhoAmIAsync(req.HttpContext);
        return new EmptyResult();
    }

    /// <summary>The dashboard's static files (no data; the page calls the API with the user's key): /api/dashboard/.</summary>
    [Function("Dashboard")]
    public async Task<IActionResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequest req, string? path)
    {
        await Channels.Publishing.Dashboard.DashboardAssets.ServeAsync(req.HttpContext, path);
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

    [Function("GetRules")]
    public async Task<IActionResult> Rules([HttpTrigger(AuthorizationLevel.Function, "get", Route = "rules/{year}")] HttpRequest req, string year)
    {
        await statistics.GetRulesAsync(req.HttpContext, year);
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
