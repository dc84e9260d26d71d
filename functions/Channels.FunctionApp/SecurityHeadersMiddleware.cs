using Channels.Publishing.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.FunctionApp;

/// <summary>The local host's security headers (<see cref="SecurityHeaders"/>) on every HTTP-triggered response of the Function App.</summary>
public sealed class SecurityHeadersMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http) context.InstanceServices.GetRequiredService<SecurityHeaders>().Apply(http);
        return next(context);
    }
}
