using System.Globalization;
using Channels.Publishing.Api;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Items;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Channels.Local;

/// <summary>The local host's clock for the WeChat digest: every day at DigestTime (UTC+8) it starts that day's digest.</summary>
internal sealed class WeChatDigestScheduler(
    DurableTaskClient client, IOptions<WeChatOptions> wechat, IOptions<DeliveryOptions> delivery, TimeProvider time, ILogger<WeChatDigestScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!wechat.Value.DigestEnabled) return;
        var at = TimeOnly.ParseExact(wechat.Value.DigestTime, "HH:mm", CultureInfo.InvariantCulture);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = ChinaTime.ToChina(time.GetUtcNow());
            var next = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(at), ChinaTime.Offset);
            if (next <= now) next = next.AddDays(1);
            await Task.Delay(next - now, time, stoppingToken);
            try
            {
                await DigestApi.StartAsync(client, ChinaTime.Date(next), delivery.Value.ToPolicy(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not start the WeChat digest of {Date}", ChinaTime.Date(next));
            }
        }
    }
}
