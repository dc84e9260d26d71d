using Channels.Publishing.Api.Access;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api.Routes;

/// <summary>
/// Access for the route table, decided once before any handler runs, the same way on both hosts: the local host's endpoint
/// filter (<see cref="RouteAccessFilter"/>) and the Function App's RouteRunner call <see cref="AllowAsync"/> with the route's
/// role. A caller below it gets AccessGate's 401 (no or unknown key) or 403 (too small a role) and the handler never runs.
/// </summary>
public static class RouteAccess
{
    public static Task<bool> AllowAsync(ApiRoute route, HttpContext http, AccessGate gate) =>
        route.Role == ApiRole.None ? Task.FromResult(true) : gate.AllowAsync(http, route.Role);
}
