using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace Channels.Tests.Orchestration;

/// <summary>
/// The verdict wait with a Moq'd orchestration context whose clock advances when a timer fires: the event wakes the
/// wait (the timer never fires), the fallback poll backs off, the history is bounded by continue-as-new, the window ends.
/// </summary>
public class VerdictWaitTests
{
    static readonly DateTime Now = new(2017, 3, 1, 4, 0, 0, DateTimeKind.Utc);
    const string Event = "verdict-wechat";

    sealed class Harness
    {
        public readonly Mock<TaskOrchestrationContext> Ctx = new();
        public readonly List<DateTime> Timers = [];
        public readonly List<CancellationToken> TimerTokens = [];
        public readonly List<string> Order = [];
        public readonly Queue<Func<ChannelOutcome>> Checks = new();
        public readonly List<TaskCompletionSource<string>> Waiters = [];
        public DateTime Clock = Now;

        /// <param name="timersFire">false: every timer stays pending (only an event can wake the wait).</param>
        public Harness(bool timersFire = true)
        {
            Ctx.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Clock);
            Ctx.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns((DateTime at, CancellationToken token) =>
            {
                Timers.Add(at);
                TimerTokens.Add(token);
                Order.Add("timer");
                if (!timersFire) return new TaskCompletionSource().Task;
                Clock = at;
                return Task.CompletedTask;
            });
            Ctx.Setup(c => c.WaitForExternalEvent<string>(Event, It.IsAny<CancellationToken>())).Returns(() =>
            {
                Order.Add("listen");
                var waiter = new TaskCompletionSource<string>();
                Waiters.Add(waiter);
                return waiter.Task;
            });
            var check = new ChannelTask("t-0001", "wechat", true);
            Ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(DeliverActivity)), check, It.IsAny<TaskOptions?>()))
               .Returns(() =>
               {
                   Order.Add("check");
                   return Task.FromResult(Checks.Dequeue()());
               });
            Ctx.Setup(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(FailChannelActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
               .ReturnsAsync(new ChannelOutcome("wechat", DeliveryState.Failed));
        }

        public Harness Then(string state, int times = 1)
        {
            for (var i = 0; i < times; i++) Checks.Enqueue(() => new ChannelOutcome("wechat", state));
            return this;
        }
    }

    static VerdictWait Wait(DeliveryPolicy policy, double windowSeconds = 3600, int round = 0) =>
        new("t-0001", "wechat", policy, null, Now.AddSeconds(windowSeconds), round);

    static readonly DeliveryPolicy Slow = new(VerdictPollSeconds: 3600, VerdictPollMaxSeconds: 3600, VerdictWindowSeconds: 86_400);

    [Fact]
    public async Task EventArrivingWhileWaiting_WakesTheWait_OneCheckReadsTheVerdict_TimerCancelled()
    {
        var h = new Harness(timersFire: false).Then(DeliveryState.Accepted).Then(DeliveryState.Delivered);

        var run = new VerdictWaitOrchestrator().RunAsync(h.Ctx.Object, Wait(Slow, 86_400));
        Assert.False(run.IsCompleted); // opening check said accepted; now waiting on the event and an hour's timer
        h.Waiters[0].SetResult("PUBLISHJOBFINISH");
        var outcome = await run;

        Assert.Equal(DeliveryState.Delivered, outcome.State);
        Assert.Equal(["check", "listen", "timer", "listen", "check"], h.Order); // a new waiter before the check: nothing is lost meanwhile
        Assert.Equal([Now.AddSeconds(3600)], h.Timers);
        Assert.True(h.TimerTokens[0].IsCancellationRequested);
        h.Ctx.Verify(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(FailChannelActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()),
            Times.Never);
    }

    [Fact]
    public async Task EventBeforeTheWaitStarted_TheOpeningCheckReadsTheVerdict_NoWait()
    {
        var h = new Harness(timersFire: false).Then(DeliveryState.Delivered);

        var outcome = await new VerdictWaitOrchestrator().RunAsync(h.Ctx.Object, Wait(Slow, 86_400));

        Assert.Equal(DeliveryState.Delivered, outcome.State);
        Assert.Empty(h.Timers);
    }

    [Fact]
    public async Task NoEvent_FallbackPollDoublesUpToTheCap()
    {
        var policy = new DeliveryPolicy(VerdictPollSeconds: 5, VerdictPollMaxSeconds: 30);
        var h = new Harness().Then(DeliveryState.Accepted, 5).Then(DeliveryState.Delivered);

        var outcome = await new VerdictWaitOrchestrator().RunAsync(h.Ctx.Object, Wait(policy));

        Assert.Equal(DeliveryState.Delivered, outcome.State);
        var gaps = h.Timers.Zip([Now, .. h.Timers], (at, before) => (at - before).TotalSeconds).ToList();
        Assert.Equal([5.0, 10, 20, 30, 30], gaps);
        Assert.Single(h.Waiters); // one live waiter the whole time: no abandoned waiters pile up
    }

    [Fact]
    public async Task QuotaDeferredCheck_NextPollWaitsTheWindowOut()
    {
        var policy = new DeliveryPolicy(VerdictPollSeconds: 5);
        var h = new Harness();
        h.Checks.Enqueue(() => new ChannelOutcome("wechat", DeliveryState.Accepted, NotBefore: new DateTimeOffset(Now.AddMinutes(10))));
        h.Then(DeliveryState.Delivered);

        await new VerdictWaitOrchestrator().RunAsync(h.Ctx.Object, Wait(policy));

        Assert.Equal([Now.AddMinutes(10)], h.Timers);
    }

    [Fact]
    public async Task NoVerdictInTheWindow_LastPollAtTheDeadline_ThenFailed()
    {
        var policy = new DeliveryPolicy(VerdictPollSeconds: 5, VerdictPollMaxSeconds: 100);
        var h = new Harness().Then(DeliveryState.Accepted, 10);

        var outcome = await new VerdictWaitOrchestrator().RunAsync(h.Ctx.Object, Wait(policy, windowSeconds: 12));

        Assert.Equal(DeliveryState.Failed, outcome.State);
        Assert.Equal([Now.AddSeconds(5), Now.AddSeconds(12)], h.Timers);
        Assert.Equal(3, h.Order.Count(o => o == "check"));
        h.Ctx.Verify(c => c.CallActivityAsync<ChannelOutcome>(new TaskName(nameof(FailChannelActivity)),
            It.Is<ChannelFailure>(f => f.Channel == "wechat" && f.Reason.StartsWith("平台在规定时间内未给出最终结果", StringComparison.Ordinal)), It.IsAny<TaskOptions?>()));
    }

    [Fact]
    public async Task AfterWaitsPerRun_ContinuesAsNewWithTheRound_TheNextRunOpensWithThatWaitsCheck()
    {
        var policy = new DeliveryPolicy(VerdictPollSeconds: 5, VerdictPollMaxSeconds: 1000, VerdictWaitsPerRun: 3);
        var h = new Harness().Then(DeliveryState.Accepted, 10);
        object? next = null;
        h.Ctx.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback((object? input, bool _) => next = input);

        await new VerdictWaitOrchestrator().RunAsync(h.Ctx.Object, Wait(policy, round: 4));

        var input = Assert.IsType<VerdictWait>(next);
        Assert.Equal(7, input.Round);
        Assert.Equal(Now.AddSeconds(3600), input.DeadlineUtc);
        Assert.Equal(3, h.Timers.Count);
        Assert.Equal(3, h.Order.Count(o => o == "check")); // the opening one and two; the third wait's check opens the next run
        Assert.Equal(80, (h.Timers[0] - Now).TotalSeconds); // backoff carried over: 5 × 2^4
    }

    [Fact]
    public async Task FailedCheck_IsAMissedPoll_NotAFailedChannel()
    {
        var h = new Harness().Then(DeliveryState.Accepted);
        var failure = new TaskFailureDetails("HttpRequestException", "HTTP 502", null, null, null);
        h.Checks.Enqueue(() => throw new TaskFailedException(nameof(DeliverActivity), 1, failure));
        h.Then(DeliveryState.Delivered);

        var outcome = await new VerdictWaitOrchestrator().RunAsync(h.Ctx.Object, Wait(new DeliveryPolicy(VerdictPollSeconds: 5)));

        Assert.Equal(DeliveryState.Delivered, outcome.State);
        Assert.Equal(2, h.Timers.Count);
    }
}

public class VerdictSignalNamesTests
{
    [Fact]
    public void Waiter_IsDerivedFromTheInstanceThatDeliversTheChannelNow()
    {
        Assert.Equal("pub-t-0001-verdict-sms", VerdictSignal.WaiterId(VerdictSignal.DeliveringInstance("t-0001", "sms", 0), "sms"));
        Assert.Equal(global::Channels.Publishing.Api.PublicationsApi.InstanceId("t-0001"), VerdictSignal.DeliveringInstance("t-0001", "wechat", 0));
        Assert.Equal(RetryChannelOrchestrator.InstanceId("t-0001", "wechat", 2), VerdictSignal.DeliveringInstance("t-0001", "wechat", 2));
        Assert.Equal("retry-t-0001-wechat-2-verdict-wechat", VerdictSignal.WaiterId(VerdictSignal.DeliveringInstance("t-0001", "wechat", 2), "wechat"));
        Assert.Equal("verdict-wechat", VerdictSignal.EventName("wechat"));
    }
}
