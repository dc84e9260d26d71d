using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.Publishing.Api.Routes;

/// <summary>
/// One API request as either host hands it to a route's handler: the HTTP context, the services of the request,
/// the Durable client (the Function App's binding, the local host's registration) and the route's values by name.
/// </summary>
public sealed class ApiCall(HttpContext http, IServiceProvider services, DurableTaskClient? durable, IReadOnlyDictionary<string, string?> values)
{
    public HttpContext Http { get; } = http;

    public DurableTaskClient Durable => durable ?? services.GetRequiredService<DurableTaskClient>();

    public T Api<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>The route value <paramref name="name"/> (e.g. "id" in publications/{id}); empty when absent.</summary>
    public string this[string name] => values.TryGetValue(name, out var v) ? v ?? "" : "";

    public string? Optional(string name) => values.TryGetValue(name, out var v) ? v : null;
}
