using Channels.Publishing.Channels.Sms;
using Microsoft.Azure.Functions.Worker;

namespace Channels.FunctionApp;

/// <summary>
/// Keeps the SMS opt-out list current between sends: pulls Tencent's pending replies (TD, 退订 …) on app setting
/// SmsReplyPullCron (default every 10 minutes). Each send pulls first too; the HTTP side of the list is in ApiRoutes.
/// </summary>
public sealed class SmsOptOutTriggers(SmsOptOuts optOuts)
{
    [Function("SmsReplyPullTimer")]
    public Task PullTimer([TimerTrigger("%SmsReplyPullCron%")] TimerInfo timer, FunctionContext context) => optOuts.PullRepliesAsync(context.CancellationToken);
}
