using Channels.Publishing.Channels.WeChat;
using Microsoft.DurableTask;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// The day's WeChat digest (instance "wechat-digest-{date}"): plan (choose ≤8 queued items), send (draft + mass send,
/// under the retry policy; the digest record makes a retry reconcile), then refresh each item's status.
/// </summary>
public sealed class WeChatDigestOrchestrator : TaskOrchestrator<DigestRequest, string>
{
    public static string InstanceId(string date) => "wechat-digest-" + date;

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

        foreach (var id in items) await context.CallActivityAsync<string>(nameof(RefreshStatusActivity), id);
        return state;
    }
}

/// <summary>Orchestration input: the China date of the digest and the retry policy.</summary>
public sealed record DigestRequest(string Date, DeliveryPolicy Policy);

/// <summary>Chooses the day's digest items.</summary>
public sealed class PlanDigestActivity(WeChatDigest digest) : TaskActivity<string, IReadOnlyList<string>>
{
    public override Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string input) => digest.PlanAsync(input, CancellationToken.None);
}

/// <summary>Sends the day's digest and records each item's verdict.</summary>
public sealed class SendDigestActivity(WeChatDigest digest) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => digest.SendAsync(input, CancellationToken.None);
}
