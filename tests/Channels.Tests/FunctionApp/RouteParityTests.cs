using System.Reflection;
using Channels.FunctionApp;
using Channels.Local;
using Channels.Publishing;
using Channels.Publishing.Api.Routes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Channels.Tests.FunctionApp;

/// <summary>
/// One route table (ApiRoutes) for both hosts: every HTTP trigger of the Function App and every /api/ endpoint of the local
/// host must be an entry of the table with the same method and template, and every entry must exist on both hosts.
/// </summary>
public class RouteParityTests
{
    /// <summary>(name, METHOD, template) of every [HttpTrigger] in the Function App assembly, with its authorization level.</summary>
    internal static List<(string Name, string Method, string Template, AuthorizationLevel Level)> FunctionAppRoutes() =>
        [.. from type in typeof(HttpTriggers).Assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            where function is not null
            from parameter in method.GetParameters()
            let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
            where trigger is not null
            from verb in trigger.Methods ?? []
            select (function.Name, verb.ToUpperInvariant(), trigger.Route ?? "", trigger.AuthLevel)];

    /// <summary>(METHOD, pattern) of every endpoint under /api/ that the local host maps.</summary>
    internal static List<(string Method, string Pattern)> LocalHostRoutes()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddChannelsCore();
        var app = builder.Build();
        app.MapLocalHost();
        return [.. from source in ((IEndpointRouteBuilder)app).DataSources
            from endpoint in source.Endpoints.OfType<RouteEndpoint>()
            let pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/')
            where pattern.StartsWith("/api/", StringComparison.Ordinal)
            from verb in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]
            select (verb.ToUpperInvariant(), pattern)];
    }

    internal static List<string> FunctionAppDifferences(IReadOnlyList<ApiRoute> table, List<(string Name, string Method, string Template,
        AuthorizationLevel Level)> triggers)
    {
        var expected = table.Select(r => (r.Name, r.Method.ToUpperInvariant(), r.Template)).ToHashSet();
        var actual = triggers.Select(t => (t.Name, t.Method, t.Template)).ToHashSet();
        return [.. expected.Except(actual).Select(r => $"in ApiRoutes, no Function App trigger: {r}"),
            .. actual.Except(expected).Select(r => $"Function App trigger, not in ApiRoutes: {r}")];
    }

    internal static List<string> LocalHostDifferences(IReadOnlyList<ApiRoute> table, List<(string Method, string Pattern)> endpoints)
    {
        var expected = table.Select(r => (r.Method.ToUpperInvariant(), r.LocalPattern)).ToHashSet();
        var actual = endpoints.ToHashSet();
        return [.. expected.Except(actual).Select(r => $"in ApiRoutes, not mapped by the local host: {r}"),
            .. actual.Except(expected).Select(r => $"local host endpoint under /api/, not in ApiRoutes: {r}")];
    }

    [Fact]
    public void EveryFunctionAppHttpTrigger_IsATableEntry_AndEveryEntryATrigger()
    {
        var triggers = FunctionAppRoutes();
        Assert.NotEmpty(triggers);
        Assert.Empty(FunctionAppDifferences(ApiRoutes.All, triggers));
    }

    [Fact]
    public void EveryLocalHostApiEndpoint_IsATableEntry_AndEveryEntryMapped()
    {
        var endpoints = LocalHostRoutes();
        Assert.Equal(ApiRoutes.All.Count, endpoints.Count);
        Assert.Empty(LocalHostDifferences(ApiRoutes.All, endpoints));
    }

    [Fact]
    public void ARouteOnOneHostOnly_IsReported()
    {
        var extra = new ApiRoute("ListWidgets", ApiRoutes.Get, "widgets", ApiRoutes.Reader, _ => Task.CompletedTask);
        var table = ApiRoutes.All.Append(extra).ToList();

        Assert.Equal(["in ApiRoutes, no Function App trigger: (ListWidgets, GET, widgets)"], FunctionAppDifferences(table, FunctionAppRoutes()));
        Assert.Equal(["in ApiRoutes, not mapped by the local host: (GET, /api/widgets)"], LocalHostDifferences(table, LocalHostRoutes()));
        var handMapped = LocalHostRoutes().Append(("DELETE", "/api/publications/{id}")).ToList();
        Assert.Equal(["local host endpoint under /api/, not in ApiRoutes: (DELETE, /api/publications/{id})"], LocalHostDifferences(ApiRoutes.All, handMapped));
    }

    /// <summary>The dashboard and scripts reach the API with x-api-key alone: no trigger may demand a function key.</summary>
    [Fact]
    public void EveryHttpTrigger_IsAnonymousAtTheFunctionsLevel_TheAppDecidesRoles()
    {
        Assert.All(FunctionAppRoutes(), t => Assert.Equal(AuthorizationLevel.Anonymous, t.Level));
    }

    [Fact]
    public void EveryTableEntry_HasAUniqueName_AndAUniqueMethodAndTemplate()
    {
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => (r.Method, r.Template)).Distinct().Count());
    }
}
