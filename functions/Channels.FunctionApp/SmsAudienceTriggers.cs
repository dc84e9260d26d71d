using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Channels.FunctionApp;

/// <summary>Named SMS audiences: the same handlers as the local host (roles checked inside).</summary>
public sealed class SmsAudienceTriggers(SmsAudiencesApi audiences)
{
    [Function("ListSmsAudiences")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "sms/audiences")] HttpRequest req)
    {
        await audiences.ListAsync(req.HttpContext);
        return new EmptyResult();
    }

    [Function("GetSmsAudience")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "sms/audiences/{name}")] HttpRequest req, string name)
    {
        await audiences.GetAsync(req.HttpContext, name);
        return new EmptyResult();
    }

    [Function("ReplaceSmsAudience")]
    public async Task<IActionResult> Replace([HttpTrigger(AuthorizationLevel.Function, "put", Route = "sms/audiences/{name}")] HttpRequest req, string name)
    {
        await audiences.ReplaceAsync(req.HttpContext, name);
        return new EmptyResult();
    }

    [Function("AddSmsAudienceMembers")]
    public async Task<IActionResult> Add([HttpTrigger(AuthorizationLevel.Function, "post", Route = "sms/audiences/{name}/members")] HttpRequest req,
        string name)
    {
        await audiences.AddMembersAsync(req.HttpContext, name);
        return new EmptyResult();
    }

    [Function("RemoveSmsAudienceMember")]
    public async Task<IActionResult> Remove(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "sms/audiences/{name}/members/{number}")] HttpRequest req, string name, string number)
    {
        await audiences.RemoveMemberAsync(req.HttpContext, name, number);
        return new EmptyResult();
    }
}
