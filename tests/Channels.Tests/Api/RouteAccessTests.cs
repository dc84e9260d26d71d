using System.Text;
using System.Text.RegularExpressions;
using Channels.FunctionApp;
using Channels.Local;
using Channels.Publishing;
using Channels.Publishing.Api.Access;
using Channels.Publishing.Api.Routes;
using Channels.Tests.Repository;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Channels.Tests.Api;

/// <summary>
/// Access is decided once, from the role column of <see cref="ApiRoutes"/>, before any handler runs — on both hosts. These fail
/// when a route is open by accident, when a handler checks access itself again, or when either host runs a handler unguarded.
/// </summary>
public class RouteAccessTests
{
    /// <summary>Open on purpose: the platforms' callbacks (each verifies its own signature or token), the health probe, the dashboard's files.</summary>
    static readonly HashSet<string> OpenOnPurpose =
    [
        nameof(ApiRoutes.WeChatEventsVerify), nameof(ApiRoutes.WeChatEvents), nameof(ApiRoutes.SmsReceipts), nameof(ApiRoutes.SmsReplies),
        nameof(ApiRoutes.Health), nameof(ApiRoutes.Dashboard),
    ];

    const string ReaderKey = "reader-key", AdminKey = "admin-key";

    static IEnumerable<ApiRoute> Guarded => ApiRoutes.All.Where(r => r.Role != ApiRole.None);

    [Fact]
    public void EveryRoute_NamesADefinedRole_AndOnlyTheListedOnesAreOpen()
    {
        Assert.All(ApiRoutes.All, r => Assert.True(Enum.IsDefined(r.Role), $"{r.Name}: role {(int)r.Role} is not an ApiRole"));
        Assert.Equal(OpenOnPurpose.Order(), ApiRoutes.All.Where(r => r.Role == ApiRole.None).Select(r => r.Name).Order());
    }

    [Fact]
    public void NoHandler_ChecksAccessItself()
    {
        var call = new Regex(@"\.AllowAsync\(\s*ctx\b|\baccess\.AllowAsync\(", RegexOptions.CultureInvariant);
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("/Api/Routes/RouteAccess.cs", StringComparison.Ordinal))
            .Where(f => call.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void TheSourceScan_WouldSeeAHandlerCheck()
    {
        var call = new Regex(@"\.AllowAsync\(\s*ctx\b|\baccess\.AllowAsync\(", RegexOptions.CultureInvariant);
        Assert.Matches(call, "        if (!await access.AllowAsync(ctx, ApiRole.Reader)) return;");
    }

    /// <summary>The local host: every guarded /api/ endpoint answers 401 without a key and 403 to a reader below its role.</summary>
    [Fact]
    public async Task LocalHost_EveryGuardedEndpoint_RefusesBeforeItsHandler()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddChannelsCore();
        builder.Services.Configure<AccessOptions>(o => (o.ReaderKey, o.AdminKey) = (ReaderKey, AdminKey));
        var app = builder.Build();
        app.MapLocalHost();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ApiRoute>() is not null).ToDictionary(e => e.Metadata.GetMetadata<ApiRoute>()!.Name);
        Assert.Equal(ApiRoutes.All.Count, endpoints.Count);

        foreach (var route in Guarded)
        {
            var anonymous = Context(app.Services, route, key: null);
            await endpoints[route.Name].RequestDelegate!(anonymous);
            AssertRefused(anonymous, 401, route);
            if (route.Role <= ApiRole.Reader) continue;
            var reader = Context(app.Services, route, ReaderKey);
            await endpoints[route.Name].RequestDelegate!(reader);
            AssertRefused(reader, 403, route);
        }
    }

    /// <summary>The Function App: RouteRunner refuses first; the handlers' services are not even registered, so a handler run would throw.</summary>
    [Fact]
    public async Task FunctionApp_EveryGuardedRoute_RefusesBeforeItsHandler()
    {
        var services = new ServiceCollection().AddSingleton<AccessGate>().AddOptions()
            .Configure<AccessOptions>(o => (o.ReaderKey, o.AdminKey) = (ReaderKey, AdminKey)).BuildServiceProvider();
        var binding = Mock.Of<BindingContext>(b => b.BindingData == new Dictionary<string, object?>());
        var function = Mock.Of<FunctionContext>(c => c.InstanceServices == services && c.BindingContext == binding);

        foreach (var route in Guarded)
        {
            var anonymous = Context(services, route, key: null);
            await RouteRunner.RunAsync(route.Name, anonymous.Request, function);
            AssertRefused(anonymous, 401, route);
            if (route.Role <= ApiRole.Reader) continue;
            var reader = Context(services, route, ReaderKey);
            await RouteRunner.RunAsync(route.Name, reader.Request, function);
            AssertRefused(reader, 403, route);
        }
    }

    [Fact]
    public async Task FunctionApp_AnAllowedCaller_ReachesTheHandler()
    {
        var services = new ServiceCollection().AddSingleton<AccessGate>().AddOptions()
            .Configure<AccessOptions>(o => o.AdminKey = AdminKey).BuildServiceProvider();
        var binding = Mock.Of<BindingContext>(b => b.BindingData == new Dictionary<string, object?>());
        var function = Mock.Of<FunctionContext>(c => c.InstanceServices == services && c.BindingContext == binding);
        var admin = Context(services, ApiRoutes.Named(nameof(ApiRoutes.WhoAmI)), AdminKey);

        // WhoAmI's handler needs MonitoringApi, which this provider lacks: reaching the handler is the exception.
        await Assert.ThrowsAsync<InvalidOperationException>(() => RouteRunner.RunAsync(nameof(ApiRoutes.WhoAmI), admin.Request, function));
    }

    static DefaultHttpContext Context(IServiceProvider services, ApiRoute route, string? key)
    {
        var ctx = new DefaultHttpContext { RequestServices = services };
        ctx.Request.Method = route.Method.ToUpperInvariant();
        ctx.Request.Path = "/api/" + route.Template;
        if (key is not null) ctx.Request.Headers[AccessGate.KeyHeader] = key;
        ctx.Response.Body = new MemoryStream();
        return ctx;
    }

    static void AssertRefused(DefaultHttpContext ctx, int status, ApiRoute route)
    {
        Assert.True(ctx.Response.StatusCode == status, $"{route.Name}: {ctx.Response.StatusCode}, expected {status}");
        Assert.StartsWith("application/problem+json", ctx.Response.ContentType, StringComparison.Ordinal);
        var body = Encoding.UTF8.GetString(((MemoryStream)ctx.Response.Body).ToArray());
        Assert.Contains(status == 401 ? "未认证" : "无权执行此操作", body, StringComparison.Ordinal);
    }
}
