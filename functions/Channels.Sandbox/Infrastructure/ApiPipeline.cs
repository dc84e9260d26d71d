using Channels.Sandbox.Faults;
using Channels.Sandbox.Journaling;

namespace Channels.Sandbox.Infrastructure;

/// <summary>
/// Runs an emulated API call: the handler, the injected fault it meets, the journal entries and the response.
/// Journal rules: every call gets one entry (outcome "ok" or the platform code, with the request detail); each
/// injected fault adds one entry "fault:&lt;kind&gt;" whose detail names only the fault — a blocked call never
/// reached the platform, so it carries no request fields and cannot be mistaken for a delivery.
/// </summary>
internal sealed class ApiPipeline(JournalStore journal, FaultStore faults, WeChat.WeChatTokenStore wechatTokens, ILogger<ApiPipeline> logger)
{
    public RequestDelegate For(string channel, string api, Func<ApiCall, Task<ApiResult>> handler) =>
        http => RunAsync(new ApiCall(http, channel, api, faults), handler);

    /// <summary>For endpoints whose api name comes from the request (Tencent's X-TC-Action).</summary>
    public RequestDelegate For(string channel, Func<HttpContext, string> api, Func<ApiCall, Task<ApiResult>> handler) =>
        http => RunAsync(new ApiCall(http, channel, api(http), faults), handler);

    async Task RunAsync(ApiCall call, Func<ApiCall, Task<ApiResult>> handler)
    {
        ApiResult result;
        try
        {
            result = await handler(call);
            if (!call.CheckpointReached) await call.CheckpointAsync();
        }
        catch (OperationCanceledException) when (call.Aborted.IsCancellationRequested)
        {
            if (call.PassingFault is { } passing) AppendFault(call, passing, null);
            Append(call, "client-aborted");
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sandbox {Channel} {Api} failed", call.Channel, call.Api);
            Append(call, "sandbox-error");
            if (!call.Http.Response.HasStarted) await WriteTextAsync(call.Http, StatusCodes.Status500InternalServerError, "sandbox error: " + e.Message);
            return;
        }

        if (call.BlockingFault is { } blocking)
        {
            await RenderBlockingAsync(call, blocking);
            return;
        }

        if (call.PassingFault is { Kind: FaultKinds.Slow or FaultKinds.Partial } passed) AppendFault(call, passed, null);
        Append(call, result.Outcome);
        if (call.PassingFault is { Kind: FaultKinds.DropAfterCommit } drop)
        {
            AppendFault(call, drop, result.Outcome);
            if (drop.Abort) call.Http.Abort();
            else await WriteTextAsync(call.Http, StatusCodes.Status502BadGateway, "Bad Gateway");
            return;
        }

        await WriteJsonAsync(call.Http, result);
    }

    async Task RenderBlockingAsync(ApiCall call, FaultRule rule)
    {
        AppendFault(call, rule, null);
        switch (rule.Kind)
        {
            case FaultKinds.ExpiredToken when call.Channel == ChannelNames.WeChat:
                wechatTokens.ExpireAll(); // as on the platform: the presented token is dead, only a fresh one works
                await WriteJsonAsync(call.Http, FaultErrorEnvelope.Build(call, rule));
                return;
            case FaultKinds.Error or FaultKinds.ExpiredToken or FaultKinds.Quota:
                await WriteJsonAsync(call.Http, FaultErrorEnvelope.Build(call, rule));
                return;
            case FaultKinds.Timeout:
                try
                {
                    await Task.Delay(rule.Delay(30_000), call.Aborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await WriteTextAsync(call.Http, StatusCodes.Status504GatewayTimeout, "Gateway Timeout");
                return;
            default:
                await WriteTextAsync(call.Http, StatusCodes.Status500InternalServerError, "Internal Server Error");
                return;
        }
    }

    void Append(ApiCall call, string outcome) =>
        journal.Append(call.Channel, call.Api, outcome, call.PlatformId, call.Detail, call.PassingFault?.Kind);

    void AppendFault(ApiCall call, FaultRule rule, string? committedOutcome)
    {
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["faultId"] = rule.Id };
        if (rule.Code is not null) detail["faultCode"] = rule.Code;
        if (committedOutcome is not null) detail["committedOutcome"] = committedOutcome;
        var platformId = rule.Kind == FaultKinds.DropAfterCommit ? call.PlatformId : null;
        journal.Append(call.Channel, call.Api, "fault:" + rule.Kind, platformId, detail, rule.Kind);
    }

    static async Task WriteJsonAsync(HttpContext http, ApiResult result)
    {
        http.Response.StatusCode = result.StatusCode;
        await http.Response.WriteAsJsonAsync(result.Body, result.Body.GetType(), SandboxJson.Options, contentType: null, http.RequestAborted);
    }

    static async Task WriteTextAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }
}
