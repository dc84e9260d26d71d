using System.Text.RegularExpressions;
using Channels.Publishing.Api.Access;

namespace Channels.Publishing.Api.Routes;

/// <summary>
/// One HTTP endpoint of the API: its function name (the Function App's [Function] name), method, route template under
/// /api/ (the Function App's HttpTrigger Route; ASP.NET Core route syntax, which both hosts read), the smallest role that
/// may call it (<see cref="ApiRole.None"/> = open to anyone; enforced before the handler by <see cref="RouteAccess"/>) and handler.
/// </summary>
public sealed partial record ApiRoute(string Name, string Method, string Template, ApiRole Role, Func<ApiCall, Task> Handler)
{
    /// <summary>The route's parameter names, in order ("publications/{id}/channels/{channel}/retry" → id, channel).</summary>
    public IReadOnlyList<string> Parameters => [.. ParameterPattern().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>The local host's pattern: ASP.NET Core's catch-all is {**x} (keeps slashes), the Functions host's {*x}.</summary>
    public string LocalPattern => "/api/" + Template.Replace("{*", "{**", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\*?(\w+)\??\}")]
    private static partial Regex ParameterPattern();
}
