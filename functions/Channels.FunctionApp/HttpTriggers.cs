using Channels.Publishing.Api.Routes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static Channels.FunctionApp.RouteRunner;
using R = Channels.Publishing.Api.Routes.ApiRoutes;

namespace Channels.FunctionApp;

/// <summary>
/// The v1 HTTP API: one trigger per entry of <see cref="ApiRoutes"/> (name, method and route from the table, the handler
/// run from it). Anonymous at the Functions level on purpose: RouteRunner checks the route's role with AccessGate (x-api-key
/// or, with Easy Auth on, the signed-in user's app roles), so the dashboard and scripts need no function key — see
/// docs/deploy.md. A parity test (tests/Channels.Tests/FunctionApp/RouteParityTests.cs) fails when this file and the table differ.
/// </summary>
public sealed class HttpTriggers
{
    const AuthorizationLevel Open = AuthorizationLevel.Anonymous;

    [Function(nameof(R.SubmitPublication))]
    public Task<IActionResult> SubmitPublication([HttpTrigger(Open, R.Post, Route = R.SubmitPublication)] HttpRequest req, FunctionContext ctx,
        [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.SubmitPublication), req, ctx, client);

    [Function(nameof(R.PreviewPublication))]
    public Task<IActionResult> PreviewPublication([HttpTrigger(Open, R.Post, Route = R.PreviewPublication)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.PreviewPublication), req, ctx);

    [Function(nameof(R.ListPublications))]
    public Task<IActionResult> ListPublications([HttpTrigger(Open, R.Get, Route = R.ListPublications)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ListPublications), req, ctx);

    [Function(nameof(R.GetPublication))]
    public Task<IActionResult> GetPublication([HttpTrigger(Open, R.Get, Route = R.GetPublication)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetPublication), req, ctx);

    [Function(nameof(R.GetPublicationProof))]
    public Task<IActionResult> GetPublicationProof([HttpTrigger(Open, R.Get, Route = R.GetPublicationProof)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetPublicationProof), req, ctx);

    [Function(nameof(R.RetryChannel))]
    public Task<IActionResult> RetryChannel([HttpTrigger(Open, R.Post, Route = R.RetryChannel)] HttpRequest req, FunctionContext ctx,
        [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.RetryChannel), req, ctx, client);

    [Function(nameof(R.RetractPublication))]
    public Task<IActionResult> RetractPublication([HttpTrigger(Open, R.Post, Route = R.RetractPublication)] HttpRequest req, FunctionContext ctx,
        [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.RetractPublication), req, ctx, client);

    [Function(nameof(R.ReschedulePublication))]
    public Task<IActionResult> ReschedulePublication([HttpTrigger(Open, R.Post, Route = R.ReschedulePublication)] HttpRequest req, FunctionContext ctx,
        [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.ReschedulePublication), req, ctx, client);

    [Function(nameof(R.CancelPublication))]
    public Task<IActionResult> CancelPublication([HttpTrigger(Open, R.Post, Route = R.CancelPublication)] HttpRequest req, FunctionContext ctx,
        [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.CancelPublication), req, ctx, client);

    [Function(nameof(R.WeChatDigestNow))]
    public Task<IActionResult> WeChatDigestNow([HttpTrigger(Open, R.Post, Route = R.WeChatDigestNow)] HttpRequest req, FunctionContext ctx,
        [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.WeChatDigestNow), req, ctx, client);

    [Function(nameof(R.ChannelHealth))]
    public Task<IActionResult> ChannelHealth([HttpTrigger(Open, R.Get, Route = R.ChannelHealth)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ChannelHealth), req, ctx);

    [Function(nameof(R.ListChannels))]
    public Task<IActionResult> ListChannels([HttpTrigger(Open, R.Get, Route = R.ListChannels)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ListChannels), req, ctx);

    [Function(nameof(R.ResumeChannel))]
    public Task<IActionResult> ResumeChannel([HttpTrigger(Open, R.Post, Route = R.ResumeChannel)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ResumeChannel), req, ctx);

    [Function(nameof(R.WhoAmI))]
    public Task<IActionResult> WhoAmI([HttpTrigger(Open, R.Get, Route = R.WhoAmI)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.WhoAmI), req, ctx);

    /// <summary>The dashboard's static files (no data; the page calls the API with the user's key): /api/dashboard/.</summary>
    [Function(nameof(R.Dashboard))]
    public Task<IActionResult> Dashboard([HttpTrigger(Open, R.Get, Route = R.Dashboard)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.Dashboard), req, ctx);

    [Function(nameof(R.GetStatistics))]
    public Task<IActionResult> GetStatistics([HttpTrigger(Open, R.Get, Route = R.GetStatistics)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetStatistics), req, ctx);

    [Function(nameof(R.GetRules))]
    public Task<IActionResult> GetRules([HttpTrigger(Open, R.Get, Route = R.GetRules)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetRules), req, ctx);

    [Function(nameof(R.GetReport))]
    public Task<IActionResult> GetReport([HttpTrigger(Open, R.Get, Route = R.GetReport)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetReport), req, ctx);

    /// <summary>Tencent's receipt callback: the handler checks Channels:Sms:CallbackToken (?token=…), not a function key.</summary>
    [Function(nameof(R.SmsReceipts))]
    public Task<IActionResult> SmsReceipts([HttpTrigger(Open, R.Post, Route = R.SmsReceipts)] HttpRequest req, FunctionContext ctx,
        [DurableClient] DurableTaskClient client) => RunAsync(nameof(R.SmsReceipts), req, ctx, client);

    [Function(nameof(R.Health))]
    public Task<IActionResult> Health([HttpTrigger(Open, R.Get, Route = R.Health)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.Health), req, ctx);

    [Function(nameof(R.GetColumns))]
    public Task<IActionResult> GetColumns([HttpTrigger(Open, R.Get, Route = R.GetColumns)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetColumns), req, ctx);

    [Function(nameof(R.ReplaceColumns))]
    public Task<IActionResult> ReplaceColumns([HttpTrigger(Open, R.Put, Route = R.ReplaceColumns)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ReplaceColumns), req, ctx);

    [Function(nameof(R.GetColumnHistory))]
    public Task<IActionResult> GetColumnHistory([HttpTrigger(Open, R.Get, Route = R.GetColumnHistory)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetColumnHistory), req, ctx);

    [Function(nameof(R.ListSmsOptOuts))]
    public Task<IActionResult> ListSmsOptOuts([HttpTrigger(Open, R.Get, Route = R.ListSmsOptOuts)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ListSmsOptOuts), req, ctx);

    [Function(nameof(R.AddSmsOptOuts))]
    public Task<IActionResult> AddSmsOptOuts([HttpTrigger(Open, R.Post, Route = R.AddSmsOptOuts)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.AddSmsOptOuts), req, ctx);

    [Function(nameof(R.PullSmsReplies))]
    public Task<IActionResult> PullSmsReplies([HttpTrigger(Open, R.Post, Route = R.PullSmsReplies)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.PullSmsReplies), req, ctx);

    [Function(nameof(R.RemoveSmsOptOut))]
    public Task<IActionResult> RemoveSmsOptOut([HttpTrigger(Open, R.Delete, Route = R.RemoveSmsOptOut)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.RemoveSmsOptOut), req, ctx);

    [Function(nameof(R.SmsReplies))]
    public Task<IActionResult> SmsReplies([HttpTrigger(Open, R.Post, Route = R.SmsReplies)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.SmsReplies), req, ctx);

    [Function(nameof(R.UploadAttachment))]
    public Task<IActionResult> UploadAttachment([HttpTrigger(Open, R.Post, Route = R.UploadAttachment)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.UploadAttachment), req, ctx);

    [Function(nameof(R.GetAttachment))]
    public Task<IActionResult> GetAttachment([HttpTrigger(Open, R.Get, Route = R.GetAttachment)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetAttachment), req, ctx);
}
