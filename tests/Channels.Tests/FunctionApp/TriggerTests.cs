using System.Text;
using Channels.FunctionApp;
using Channels.Publishing.Api;
using Channels.Publishing.Api.Access;
using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace Channels.Tests.FunctionApp;

/// <summary>The Function App's triggers, called directly with a real HttpContext, the route values in the binding data and a Moq'd DurableTaskClient.</summary>
public class TriggerTests
{
    // No request below reaches storage: the client objects are only constructed.
    static readonly ChannelsStorage Storage = new(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));

    const string EditorKey = "editor-key";

    /// <summary>The services the route handlers resolve, as the Function App's DI would hold them.</summary>
    static IServiceProvider Services()
    {
        var access = new AccessGate(Mock.Of<IOptionsMonitor<AccessOptions>>(m => m.CurrentValue == new AccessOptions { EditorKey = EditorKey }));
        var ledger = new DeliveryLedger(Storage, TimeProvider.System);
        var publications = new PublicationsApi(new PublicationStore(Storage), ledger, access, Options.Create(new DeliveryOptions()),
            Options.Create(new EscalationOptions()), TimeProvider.System);
        var statistics = new StatisticsApi(new StatisticsService(Storage, new CountingIndex(Storage)),
            new global::Channels.Publishing.Monitoring.RulesService(Storage, ledger, Options.Create(new EscalationOptions()),
                Options.Create(new global::Channels.Publishing.Rules.InterpretationOptions()), TimeProvider.System), Storage,
            Options.Create(new global::Channels.Publishing.Reports.ReportOptions()), TimeProvider.System);
        return new ServiceCollection().AddSingleton(publications).AddSingleton(statistics).AddSingleton(access).BuildServiceProvider();
    }

    static (HttpTriggers Triggers, FunctionContext Context) Triggers(Dictionary<string, object?>? routeValues = null)
    {
        var binding = Mock.Of<BindingContext>(b => b.BindingData == (routeValues ?? new Dictionary<string, object?>()));
        var ctx = Mock.Of<FunctionContext>(c => c.InstanceServices == Services() && c.BindingContext == binding);
        return (new HttpTriggers(), ctx);
    }

    static HttpRequest Request(string body, string? key = EditorKey)
    {
        var ctx = new DefaultHttpContext();
        if (key is not null) ctx.Request.Headers["x-api-key"] = key;
        ctx.Request.ContentType = "application/json";
        ctx.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        ctx.Response.Body = new MemoryStream();
        return ctx.Request;
    }

    static string ResponseText(HttpRequest req)
    {
        req.HttpContext.Response.Body.Position = 0;
        return new StreamReader(req.HttpContext.Response.Body).ReadToEnd();
    }

    [Fact]
    public async Task Submit_SelfApprovedItem_422ProblemAndNoOrchestration()
    {
        var client = new Mock<DurableTaskClient>("test");
        var json = System.Text.Json.JsonSerializer.Serialize(SampleItems.Valid() with
        {
            Approval = SampleItems.Valid().Approval! with { Approver = "李明" },
        }, global::Channels.Publishing.Items.ChannelsJson.Options);
        var req = Request(json);

        var (triggers, ctx) = Triggers();
        var result = await triggers.SubmitPublication(req, ctx, client.Object);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(422, req.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", req.HttpContext.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("approval.approver", ResponseText(req), StringComparison.Ordinal);
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(),
            It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_MalformedJson_400NamingBody()
    {
        var client = new Mock<DurableTaskClient>("test");
        var req = Request("{ not json");

        var (triggers, ctx) = Triggers();
        await triggers.SubmitPublication(req, ctx, client.Object);

        Assert.Equal(400, req.HttpContext.Response.StatusCode);
        Assert.Contains("\"body\"", ResponseText(req), StringComparison.Ordinal);
        client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Submit_WithoutKey_401_WithReaderRole_403_NothingStarted()
    {
        var client = new Mock<DurableTaskClient>("test");
        var json = System.Text.Json.JsonSerializer.Serialize(SampleItems.Valid(), global::Channels.Publishing.Items.ChannelsJson.Options);

        var anonymous = Request(json, key: null);
        var (triggers, ctx) = Triggers();
        await triggers.SubmitPublication(anonymous, ctx, client.Object);
        var wrong = Request(json, key: "not-a-key");
        await triggers.SubmitPublication(wrong, ctx, client.Object);

        Assert.Equal(401, anonymous.HttpContext.Response.StatusCode);
        Assert.Equal(401, wrong.HttpContext.Response.StatusCode);
        client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Statistics_BadYear_400()
    {
        var req = Request("");
        var (triggers, ctx) = Triggers(new() { ["year"] = "17" });
        await triggers.GetStatistics(req, ctx);
        Assert.Equal(400, req.HttpContext.Response.StatusCode);
        Assert.Contains("\"year\"", ResponseText(req), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishOrchestratorTrigger_RunsTheSharedOrchestrator()
    {
        var ctx = new Mock<TaskOrchestrationContext>();
        var request = new PublishRequest("t-0001", DateTimeOffset.UnixEpoch, ["bulletin"], new DeliveryPolicy());
        ctx.Setup(c => c.GetInput<PublishRequest>()).Returns(request);
        ctx.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        ctx.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(true);
        ctx.Setup(c => c.CallActivityAsync<string>(new TaskName(nameof(RefreshStatusActivity)), "t-0001", It.IsAny<TaskOptions?>()))
            .ReturnsAsync(PublicationStatus.Delivered);
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
           .ReturnsAsync(new ChannelOutcome("bulletin", DeliveryState.Delivered));

        var outcome = await DurableTriggers.Publish(ctx.Object);

        Assert.Equal(PublicationStatus.Delivered, outcome.Status);
        Assert.Single(outcome.Channels);
    }
}
