using System.Text;
using Channels.FunctionApp;
using Channels.Publishing.Api;
using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Moq;

namespace Channels.Tests.FunctionApp;

/// <summary>The Function App's triggers, called directly with a real HttpContext and a Moq'd DurableTaskClient.</summary>
public class TriggerTests
{
    // No request below reaches storage: the client objects are only constructed.
    static readonly ChannelsStorage Storage = new(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));

    static HttpTriggers Triggers() => new(
        new PublicationsApi(new PublicationStore(Storage), new DeliveryLedger(Storage, TimeProvider.System), Options.Create(new DeliveryOptions()), TimeProvider.System),
        new StatisticsApi(new StatisticsService(Storage, new CountingIndex(Storage)), Storage, Options.Create(new global::Channels.Publishing.Reports.ReportOptions()), TimeProvider.System),
        new SmsCallbackApi(new global::Channels.Publishing.Channels.Sms.SmsReceiptStore(Storage), Microsoft.Extensions.Logging.Abstractions.NullLogger<SmsCallbackApi>.Instance));

    static HttpRequest Request(string body)
    {
        var ctx = new DefaultHttpContext();
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

        var result = await Triggers().Submit(req, client.Object);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(422, req.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", req.HttpContext.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("approval.approver", ResponseText(req), StringComparison.Ordinal);
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_MalformedJson_400NamingBody()
    {
        var client = new Mock<DurableTaskClient>("test");
        var req = Request("{ not json");

        await Triggers().Submit(req, client.Object);

        Assert.Equal(400, req.HttpContext.Response.StatusCode);
        Assert.Contains("\"body\"", ResponseText(req), StringComparison.Ordinal);
        client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Statistics_BadYear_400()
    {
        var req = Request("");
        await Triggers().Statistics(req, "17");
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
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
           .ReturnsAsync(new ChannelOutcome("bulletin", DeliveryState.Delivered));

        var outcome = await DurableTriggers.Publish(ctx.Object);

        Assert.Equal(PublicationStatus.Delivered, outcome.Status);
        Assert.Single(outcome.Channels);
    }
}
