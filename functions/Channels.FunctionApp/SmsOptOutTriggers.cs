using Channels.Publishing.Api;
using Channels.Publishing.Channels.Sms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Channels.FunctionApp;

/// <summary>
/// The SMS opt-out list: admin endpoints (roles checked inside), Tencent's reply callback (configure its URL in the SMS
/// console with ?token=…&amp;code=&lt;function key&gt;), and a pull of pending replies every 10 minutes (each send also
/// pulls first, so the timer only keeps the list current between sends).
/// </summary>
public sealed class SmsOptOutTriggers(SmsOptOutsApi optOutsApi, SmsReplyCallbackApi replies, SmsOptOuts optOuts)
{
    [Function("ListSmsOptOuts")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "sms/optouts")] HttpRequest req)
    {
        await optOutsApi.ListAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("AddSmsOptOuts")]
    public async Task<IActionResult> Add([HttpTrigger(AuthorizationLevel.Function, "post", Route = "sms/optouts")] HttpRequest req)
    {
        await optOutsApi.AddAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("PullSmsReplies")]
    public async Task<IActionResult> Pull([HttpTrigger(AuthorizationLevel.Function, "post", Route = "sms/optouts/pull")] HttpRequest req)
    {
        await optOutsApi.PullAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("RemoveSmsOptOut")]
    public async Task<IActionResult> Remove([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "sms/optouts/{number}")] HttpRequest req, string number)
    {
        await optOutsApi.RemoveAsync(req.HttpContext, number);
        return new EmptyResult();
    }

    [Function("SmsReplies")]
    public async Task<IActionResult> Replies([HttpTrigger(AuthorizationLevel.Function, "post", Route = "sms/replies")] HttpRequest req)
    {
        await replies.ReceiveAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("SmsReplyPullTimer")]
    public Task PullTimer([TimerTrigger("0 */10 * * * *")] TimerInfo timer) => optOuts.PullRepliesAsync(CancellationToken.None);
}
