using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace Channels.Tests.Orchestration;

/// <summary>The scheduling hold and the emergency clock, driven by a fake orchestration clock and controllable durable timers.</summary>
public class ScheduleAndClockTests
{
    static readonly DateTime Now = new(2017, 3, 1, 4, 0, 0, DateTimeKind.Utc);

    static Mock<TaskOrchestrationContext> Context()
    {
        var ctx = new Mock<TaskOrchestrationContext>();
        ctx.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        ctx.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(true);
        ctx.Setup(c => c.CallActivityAsync<string>(new TaskName(nameof(RefreshStatusActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync("from-ledger");
        return ctx;
    }

    static PublishRequest Request(DateTimeOffset publishAt, EmergencyClockPolicy? clock = null) =>
        new("t-0001", publishAt, ["website"], new DeliveryPolicy(), clock);

    [Fact]
    public async Task Scheduled_EditorMovesIt_TimerFollows_DeliveredWithTheNewTime()
    {
        var ctx = Context();
        var first = new DateTimeOffset(Now.AddDays(2));
        var moved = new DateTimeOffset(Now.AddDays(1));
        var change = new ScheduleChange(moved, false, "编辑", "提前发布");
        ctx.Setup(c => c.CreateTimer(first.UtcDateTime, It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        ctx.Setup(c => c.CreateTimer(moved.UtcDateTime, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        ctx.SetupSequence(c => c.WaitForExternalEvent<ScheduleChange>(PublishOrchestrator.ScheduleEvent, It.IsAny<CancellationToken>()))
           .ReturnsAsync(change)
           .Returns(new TaskCompletionSource<ScheduleChange>().Task);
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), new ChannelTask("t-0001", "website", false, moved),
            It.IsAny<TaskOptions?>()))
           .ReturnsAsync(new ChannelOutcome("website", DeliveryState.Delivered));

        var outcome = await new PublishOrchestrator().RunAsync(ctx.Object, Request(first));

        Assert.Equal(DeliveryState.Delivered, Assert.Single(outcome.Channels).State);
        ctx.Verify(c => c.CallActivityAsync<bool>(new TaskName(nameof(RecordScheduleActivity)), new ScheduleRecord("t-0001", change), It.IsAny<TaskOptions?>()),
            Times.Once);
        ctx.Verify(c => c.CreateTimer(moved.UtcDateTime, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Scheduled_EditorCancels_NothingIsDelivered()
    {
        var ctx = Context();
        var at = new DateTimeOffset(Now.AddDays(2));
        ctx.Setup(c => c.CreateTimer(at.UtcDateTime, It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        ctx.Setup(c => c.WaitForExternalEvent<ScheduleChange>(PublishOrchestrator.ScheduleEvent, It.IsAny<CancellationToken>()))
           .ReturnsAsync(new ScheduleChange(null, true, "编辑", "内容需修改"));

        var outcome = await new PublishOrchestrator().RunAsync(ctx.Object, Request(at));

        Assert.Equal(PublicationStatus.Cancelled, outcome.Status);
        ctx.Verify(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task Emergency_WarningPointReachedBeforeDelivery_EscalatesOnce_NoBreachWhenDeliveredInTime()
    {
        var ctx = Context();
        var clock = new EmergencyClockPolicy(new DateTimeOffset(Now.AddHours(-3)), new DateTimeOffset(Now.AddHours(1)), new DateTimeOffset(Now.AddHours(2)));
        var delivery = new TaskCompletionSource<ChannelOutcome>();
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), new ChannelTask("t-0001", "website", false, null),
            It.IsAny<TaskOptions?>()))
           .Returns(delivery.Task);
        ctx.Setup(c => c.CreateTimer(clock.WarnAt.UtcDateTime, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var deadline = new TaskCompletionSource();
        ctx.Setup(c => c.CreateTimer(clock.DeadlineAt.UtcDateTime, It.IsAny<CancellationToken>()))
           .Callback(() => delivery.SetResult(new ChannelOutcome("website", DeliveryState.Delivered)))
           .Returns(deadline.Task);

        await new PublishOrchestrator().RunAsync(ctx.Object, Request(new DateTimeOffset(Now.AddMinutes(-1)), clock));

        ctx.Verify(c => c.CallActivityAsync<bool>(new TaskName(nameof(EscalateActivity)), It.Is<Escalation>(e => e.Kind == EmergencyClock.Warning),
            It.IsAny<TaskOptions?>()), Times.Once);
        ctx.Verify(c => c.CallActivityAsync<bool>(new TaskName(nameof(EscalateActivity)), It.Is<Escalation>(e => e.Kind == EmergencyClock.Breach),
            It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task Emergency_DeadlinePassedUndelivered_EscalatesWarningThenBreach()
    {
        var ctx = Context();
        var clock = new EmergencyClockPolicy(new DateTimeOffset(Now.AddHours(-6)), new DateTimeOffset(Now.AddHours(-2)), new DateTimeOffset(Now.AddHours(-1)));
        var delivery = new TaskCompletionSource<ChannelOutcome>();
        ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(delivery.Task);
        ctx.Setup(c => c.CallActivityAsync<bool>(new TaskName(nameof(EscalateActivity)), It.Is<Escalation>(e => e.Kind == EmergencyClock.Breach),
            It.IsAny<TaskOptions?>()))
           .Callback(() => delivery.SetResult(new ChannelOutcome("website", DeliveryState.Delivered))).ReturnsAsync(true);

        await new PublishOrchestrator().RunAsync(ctx.Object, Request(new DateTimeOffset(Now.AddMinutes(-1)), clock));

        ctx.Verify(c => c.CallActivityAsync<bool>(new TaskName(nameof(EscalateActivity)), It.Is<Escalation>(e => e.Kind == EmergencyClock.Warning
            && e.At == Now), It.IsAny<TaskOptions?>()), Times.Once);
        ctx.Verify(c => c.CallActivityAsync<bool>(new TaskName(nameof(EscalateActivity)), It.Is<Escalation>(e => e.Kind == EmergencyClock.Breach),
            It.IsAny<TaskOptions?>()), Times.Once);
        ctx.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void ClockFor_FiveHoursAndAWarningHourBefore()
    {
        var incident = DateTimeOffset.Parse("2017-07-01T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        var clock = new EscalationOptions().ClockFor(incident);
        Assert.Equal(incident.AddHours(5), clock.DeadlineAt);
        Assert.Equal(incident.AddHours(4), clock.WarnAt);
    }
}
