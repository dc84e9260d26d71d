using Channels.Publishing.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.Publishing.Api.Routes;

/// <summary>
/// The local host's endpoint filter for one route of <see cref="ApiRoutes"/>: refuses a caller below the route's role
/// (<see cref="RouteAccess"/>) before the handler runs. The route is also the endpoint's metadata, so tests can check
/// that every mapped /api/ endpoint carries it.
/// </summary>
public sealed class RouteAccessFilter(ApiRoute route) : IEndpointFilter
{
    public ApiRoute Route { get; } = route;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await RouteAccess.AllowAsync(Route, http, http.RequestServices.GetRequiredService<AccessGate>())) return Results.Empty;
        return await next(context);
    }
}
