using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Channels.FunctionApp;

/// <summary>
/// The WeChat account's server URL (服务器配置): anonymous at the Functions level because WeChat cannot send a function
/// key — the handler checks WeChat's signature made with Channels:WeChat:EventToken instead.
/// </summary>
public sealed class WeChatEventTriggers(WeChatEventsApi events)
{
    [Function("WeChatEventsVerify")]
    public async Task<IActionResult> Verify([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "channels/wechat/events")] HttpRequest req)
    {
        await events.VerifyUrlAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("WeChatEvents")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "channels/wechat/events")] HttpRequest req, [DurableClient] DurableTaskClient client)
    {
        await events.ReceiveAsync(req.HttpContext, client);
        return new EmptyResult();
    }
}
