using Channels.Publishing.Api.Access;
using Channels.Publishing.Api.Routes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Channels.FunctionApp;

/// <summary>
/// Runs the handler of a route in <see cref="ApiRoutes"/> for an HTTP trigger, after the route's access check
/// (<see cref="RouteAccess"/>, as the local host's endpoint filter does): the route's values come from the trigger's binding
/// data (where the Functions host puts the matched route parameters).
/// </summary>
public static class RouteRunner
{
    public static async Task<IActionResult> RunAsync(string name, HttpRequest req, FunctionContext context, DurableTaskClient? client = null)
    {
        var route = ApiRoutes.Named(name);
        var data = context.BindingContext.BindingData;
        var values = route.Parameters.ToDictionary(p => p, p => data.TryGetValue(p, out var v) ? v?.ToString() : null, StringComparer.Ordinal);
        var call = new ApiCall(req.HttpContext, context.InstanceServices, client, values);
        if (await RouteAccess.AllowAsync(route, req.HttpContext, call.Api<AccessGate>())) await route.Handler(call);
        return new EmptyResult();
    }
}
