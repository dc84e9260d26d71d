using Channels.Publishing.Api;
using Channels.Publishing.Items;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Channels.FunctionApp;

/// <summary>The WeChat daily digest's clock in Azure: app setting WeChatDigestCron (default "0 0 10 * * *" = 18:00 UTC+8).</summary>
public sealed class TimerTriggers(IOptions<DeliveryOptions> delivery, IOptions<Channels.Publishing.Channels.WeChat.WeChatOptions> wechat, TimeProvider time)
{
    [Function("WeChatDigestTimer")]
    public async Task Digest([TimerTrigger("%WeChatDigestCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        if (!wechat.Value.DigestEnabled) return;
        await DigestApi.StartAsync(client, ChinaTime.Date(time.GetUtcNow()), delivery.Value.ToPolicy(), context.CancellationToken);
    }
}
