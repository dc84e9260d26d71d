using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Channels.FunctionApp.RouteRunner;
using R = Channels.Publishing.Api.Routes.ApiRoutes;

namespace Channels.FunctionApp;

/// <summary>Named SMS audiences (table: ApiRoutes; roles checked inside the handlers).</summary>
public sealed class SmsAudienceTriggers
{
    const AuthorizationLevel Open = AuthorizationLevel.Anonymous;

    [Function(nameof(R.ListSmsAudiences))]
    public Task<IActionResult> ListSmsAudiences([HttpTrigger(Open, R.Get, Route = R.ListSmsAudiences)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ListSmsAudiences), req, ctx);

    [Function(nameof(R.GetSmsAudience))]
    public Task<IActionResult> GetSmsAudience([HttpTrigger(Open, R.Get, Route = R.GetSmsAudience)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.GetSmsAudience), req, ctx);

    [Function(nameof(R.ReplaceSmsAudience))]
    public Task<IActionResult> ReplaceSmsAudience([HttpTrigger(Open, R.Put, Route = R.ReplaceSmsAudience)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.ReplaceSmsAudience), req, ctx);

    [Function(nameof(R.AddSmsAudienceMembers))]
    public Task<IActionResult> AddSmsAudienceMembers([HttpTrigger(Open, R.Post, Route = R.AddSmsAudienceMembers)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.AddSmsAudienceMembers), req, ctx);

    [Function(nameof(R.RemoveSmsAudienceMember))]
    public Task<IActionResult> RemoveSmsAudienceMember([HttpTrigger(Open, R.Delete, Route = R.RemoveSmsAudienceMember)] HttpRequest req, FunctionContext ctx) =>
        RunAsync(nameof(R.RemoveSmsAudienceMember), req, ctx);
}
