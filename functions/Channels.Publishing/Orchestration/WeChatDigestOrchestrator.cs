using Channels.Publishing.Channels.WeChat;
using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The day's WeChat digest (instance "wechat-digest-{date}"): plan (choose ≤8 queued items), send (draft + mass send,
/// under the retry policy; the digest record makes a retry reconcile), then — the send being only a submitted job —
/// wait for its outcome: the MASSSENDJOBFINISH push, once recorded, raises <see cref="PushEvent"/> here and the check
/// runs at once; message/mass/get on a durable timer with backoff (VerdictPollSeconds doubling up to 5 minutes) is the
/// fallback, for at most <see cref="VerdictWindow"/> (群发保护 gives an administrator 30 minutes). Then each item's
/// status is refreshed. A push arriving after the window still records the verdict (WeChatDigestVerdict).
/// </summary>
public sealed class WeChatDigestOrchestrator : TaskOrchestrator<DigestRequest, string>
{
    public static string InstanceId(string date) => "wechat-digest-" + date;

    /// <summary>The event a recorded MASSSENDJOBFINISH raises at the day's digest (it carries no verdict: the check reads the record).</summary>
    public const string PushEvent = "verdict-wechat-digest";

    /// <summary>How long the orchestration polls a submitted mass send before leaving it to the push.</summary>
    public static readonly TimeSpan VerdictWindow = TimeSpan.FromHours(2);

    static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(5);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, DigestRequest input)
    {
        var items = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(PlanDigestActivity), input.Date);
        if (items.Count == 0) return "empty";
        var p = input.Policy;
        var retry = p.RetryOptions();
        string state;
        try
        {
            state = await context.CallActivityAsync<string>(nameof(SendDigestActivity), input.Date, retry);
        }
        catch (TaskFailedException)
        {
            // The items stay queued with their history; tomorrow's digest takes them (the record reconciles first).
            state = "failed";
        }

        var deadline = context.CurrentUtcDateTime + VerdictWindow;
        var interval = TimeSpan.FromSeconds(Math.Max(1, p.VerdictPollSeconds));
        // One live listener at a time, registered again as soon as it fired, so a push during a check is kept for the next wait.
        var pushed = context.WaitForExternalEvent<string>(PushEvent);
        while (state == WeChatDigestRecord.AwaitingVerdict && context.CurrentUtcDateTime < deadline)
        {
            using (var cancelTimer = new CancellationTokenSource())
            {
                var timer = context.CreateTimer(context.CurrentUtcDateTime + interval, cancelTimer.Token);
                if (await Task.WhenAny(pushed, timer) == pushed)
                {
                    cancelTimer.Cancel(); // synchronous: CancelAsync would resume off the orchestration thread
                    pushed = context.WaitForExternalEvent<string>(PushEvent);
                }
            }

            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
            try
            {
                state = await context.CallActivityAsync<string>(nameof(CheckDigestActivity), input.Date, retry);
            }
            catch (TaskFailedException)
            {
                // Polling is the fallback; the next poll (or the push) answers.
            }
        }

        foreach (var id in items) await context.CallActivityAsync<string>(nameof(RefreshStatusActivity), id);
        return state;
    }
}

/// <summary>Orchestration input: the China date of the digest and the retry policy.</summary>
public sealed record DigestRequest(string Date, DeliveryPolicy Policy);

/// <summary>Chooses the day's digest items.</summary>
public sealed class PlanDigestActivity(WeChatDigest digest, ActivityCancellation cancel) : TaskActivity<string, IReadOnlyList<string>>
{
    public override Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string input) => digest.PlanAsync(input, cancel.For(context));
}

/// <summary>Sends the day's digest and records each item's verdict.</summary>
public sealed class SendDigestActivity(WeChatDigest digest, ActivityCancellation cancel) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => digest.SendAsync(input, cancel.For(context));
}

/// <summary>Asks message/mass/get for the digest's mass send and records a final answer.</summary>
public sealed class CheckDigestActivity(WeChatDigestVerdict verdict, ActivityCancellation cancel) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => verdict.CheckAsync(input, cancel.For(context));
}
