using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace Channels.Tests.Orchestration;

public class PublishOrchestratorTests
{
    static readonly DateTime Now = new(2017, 3, 1, 4, 0, 0, DateTimeKind.Utc);

    static PublishRequest Request(DateTimeOffset publishAt, params string[] channels) =>
        new("t-0001", publishAt, channels, new DeliveryPolicy(MaxAttempts: 3, VerdictPollSeconds: 5, VerdictWindowSeconds: 600));

    static Mock<TaskOrchestrationContext> Context()
    {
        var ctx = new Mock<TaskOrchestrationContext>();
        ctx.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        ctx.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(true);
        ctx.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        ctx.Setup(c => c.CallActivityAsync<string>(new TaskName(nameof(RefreshStatusActivity)), "t-0001", It.IsAny<TaskOptions?>()))
            .ReturnsAsync("from-ledger");
        return ctx;
    }

    static void Deliver(Mock<TaskOrchestrationContext> ctx, string channel, bool check, ChannelOutcome outcome) =>
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), new ChannelTask("t-0001", channel, check),
            It.IsAny<TaskOptions?>()))
           .ReturnsAsync(outcome);

    [Fact]
    public async Task RunAsync_AllChannelsDeliver_StatusDelivered()
    {
        var ctx = Context();
        Deliver(ctx, "website", false, new ChannelOutcome("website", DeliveryState.Delivered));
        Deliver(ctx, "weibo", false, new ChannelOutcome("weibo", DeliveryState.Delivered));

        var outcome = await new PublishOrchestrator().RunAsync(ctx.Object, Request(Now.AddHours(-1), "website", "weibo"));

        Assert.All(outcome.Channels, c => Assert.Equal(DeliveryState.Delivered, c.State));
        Assert.Equal("from-ledger", outcome.Status);
        ctx.Verify(c => c.CallActivityAsync<bool>(new TaskName(nameof(SetStatusActivity)), new StatusChange("t-0001", PublicationStatus.Publishing, false),
            It.IsAny<TaskOptions?>()));
        ctx.Verify(c => c.CallActivityAsync<string>(new TaskName(nameof(RefreshStatusActivity)), "t-0001", It.IsAny<TaskOptions?>()), Times.Once);
        ctx.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_Accepted_AwaitsTheVerdictInASubOrchestrationNamedForTheChannel()
    {
        var ctx = Context();
        ctx.SetupGet(c => c.InstanceId).Returns("pub-t-0001");
        Deliver(ctx, "wechat", false, new ChannelOutcome("wechat", DeliveryState.Accepted));
        VerdictWait? wait = null;
        SubOrchestrationOptions? options = null;
        ctx.Setup(c => c.CallSubOrchestratorAsync<ChannelOutcome>(new TaskName(nameof(VerdictWaitOrchestrator)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
           .Callback((TaskName _, object? input, TaskOptions? o) => (wait, options) = ((VerdictWait?)input, o as SubOrchestrationOptions))
           .ReturnsAsync(new ChannelOutcome("wechat", DeliveryState.Delivered, "https://mp.weixin.qq.com/s/x"));

        var outcome = await new PublishOrchestrator().RunAsync(ctx.Object, Request(Now.AddHours(-1), "wechat"));

        Assert.Equal(DeliveryState.Delivered, Assert.Single(outcome.Channels).State);
        Assert.Equal("pub-t-0001-verdict-wechat", options?.InstanceId);
        Assert.Equal(VerdictSignal.WaiterId(VerdictSignal.DeliveringInstance("t-0001", "wechat", 0), "wechat"), options?.InstanceId);
        Assert.Equal(Now.AddSeconds(600), wait?.DeadlineUtc);
        Assert.Equal(0, wait?.Round);
        ctx.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
        ctx.Verify(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), new ChannelTask("t-0001", "wechat", true),
            It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_RetriesExhausted_RecordsFailureAndOtherChannelsStillDeliver()
    {
        var ctx = Context();
        Deliver(ctx, "website", false, new ChannelOutcome("website", DeliveryState.Delivered));
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), new ChannelTask("t-0001", "weibo", false),
            It.IsAny<TaskOptions?>()))
           .ThrowsAsync(new TaskFailedException(nameof(DeliverActivity), 1, new TaskFailureDetails("HttpRequestException", "HTTP 500", null, null, null)));
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(FailChannelActivity)), It.IsAny<ChannelFailure>(), It.IsAny<TaskOptions?>()))
           .ReturnsAsync(new ChannelOutcome("weibo", DeliveryState.Failed));

        var outcome = await new PublishOrchestrator().RunAsync(ctx.Object, Request(Now.AddHours(-1), "website", "weibo"));

        Assert.Equal([DeliveryState.Delivered, DeliveryState.Failed], outcome.Channels.Select(c => c.State));
        ctx.Verify(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(FailChannelActivity)),
            It.Is<ChannelFailure>(f => f.Channel == "weibo" && f.Reason.Contains("HTTP 500")), It.IsAny<TaskOptions?>()));
    }

    [Fact]
    public async Task RunAsync_FuturePublishAt_WaitsOnDurableTimerFirst()
    {
        var ctx = Context();
        Deliver(ctx, "website", false, new ChannelOutcome("website", DeliveryState.Delivered));
        var at = new DateTimeOffset(Now.AddDays(1));

        await new PublishOrchestrator().RunAsync(ctx.Object, Request(at, "website"));

        ctx.Verify(c => c.CallActivityAsync<bool>(new TaskName(nameof(SetStatusActivity)), new StatusChange("t-0001", PublicationStatus.Scheduled, false),
            It.IsAny<TaskOptions?>()));
        ctx.Verify(c => c.CreateTimer(at.UtcDateTime, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_PacedChannel_WaitsOnDurableTimerUntilItsSlotBeforeSending()
    {
        var ctx = Context();
        var slot = new DateTimeOffset(Now.AddHours(4));
        ctx.Setup(c => c.CallActivityAsync<DeliverySlot?>(new TaskName(nameof(PlanDeliveryActivity)), new ChannelTask("t-0001", "sms", false),
            It.IsAny<TaskOptions?>()))
           .ReturnsAsync(new DeliverySlot(slot));
        var order = new List<string>();
        ctx.Setup(c => c.CreateTimer(slot.UtcDateTime, It.IsAny<CancellationToken>())).Callback(() => order.Add("timer")).Returns(Task.CompletedTask);
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), new ChannelTask("t-0001", "sms", false),
            It.IsAny<TaskOptions?>()))
           .Callback(() => order.Add("send")).ReturnsAsync(new ChannelOutcome("sms", DeliveryState.Delivered));

        await new PublishOrchestrator().RunAsync(ctx.Object, Request(Now.AddHours(-1), "sms"));

        Assert.Equal(["timer", "send"], order);
    }

    [Fact]
    public async Task RunAsync_UnpacedChannel_AsksForNoSlot()
    {
        var ctx = Context();
        Deliver(ctx, "website", false, new ChannelOutcome("website", DeliveryState.Delivered));

        await new PublishOrchestrator().RunAsync(ctx.Object, Request(Now.AddHours(-1), "website"));

        ctx.Verify(c => c.CallActivityAsync<DeliverySlot?>(new TaskName(nameof(PlanDeliveryActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()),
            Times.Never);
    }

    [Fact]
    public async Task RunAsync_RetriesExhausted_PausesOnADurableTimerThenTriesAgain_BeforeFailing()
    {
        var ctx = Context();
        var calls = 0;
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), new ChannelTask("t-0001", "wechat", false),
            It.IsAny<TaskOptions?>()))
           .Returns(() => ++calls == 1
               ? Task.FromException<ChannelOutcome>(new TaskFailedException(nameof(DeliverActivity), 1, new TaskFailureDetails("HttpRequestException",
                   "circuit open", null, null, null)))
               : Task.FromResult(new ChannelOutcome("wechat", DeliveryState.Delivered)));
        var policy = new DeliveryPolicy(MaxAttempts: 3, RecoveryRounds: 1, RecoveryDelaySeconds: 60);

        var outcome = await new PublishOrchestrator().RunAsync(ctx.Object, new PublishRequest("t-0001", new DateTimeOffset(Now.AddHours(-1)), ["wechat"],
            policy));

        Assert.Equal(DeliveryState.Delivered, Assert.Single(outcome.Channels).State);
        ctx.Verify(c => c.CreateTimer(Now.AddSeconds(60), It.IsAny<CancellationToken>()), Times.Once);
        ctx.Verify(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(FailChannelActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()),
            Times.Never);
    }
}
