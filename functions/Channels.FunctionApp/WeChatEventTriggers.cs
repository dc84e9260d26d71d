using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static Channels.FunctionApp.RouteRunner;
using R = Channels.Publishing.Api.Routes.ApiRoutes;

namespace Channels.FunctionApp;

/// <summary>
/// The WeChat account's server URL (服务器配置). WeChat cannot send a key: the handler checks WeChat's signature made with
/// Channels:WeChat:EventToken instead (table: ApiRoutes).
/// </summary>
public sealed class WeChatEventTriggers
{
    [Function(nameof(R.WeChatEventsVerify))]
    public Task<IActionResult> WeChatEventsVerify([HttpTrigger(AuthorizationLevel.Anonymous, R.Get, Route = R.WeChatEventsVerify)] HttpRequest req,
        FunctionContext ctx) =>
        RunAsync(nameof(R.WeChatEventsVerify), req, ctx);

    [Function(nameof(R.WeChatEvents))]
    public Task<IActionResult> WeChatEvents([HttpTrigger(AuthorizationLevel.Anonymous, R.Post, Route = R.WeChatEvents)] HttpRequest req,
        FunctionContext ctx, [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.WeChatEvents), req, ctx, client);
}
