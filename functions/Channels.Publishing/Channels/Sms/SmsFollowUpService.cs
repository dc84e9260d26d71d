using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Sms;

/// <summary>Runs <see cref="SmsFollowUp"/> every FollowUpSeconds in whichever host carries the channels (Azure Functions or the local host).</summary>
public sealed class SmsFollowUpService(SmsFollowUp followUp, IOptions<SmsOptions> options, TimeProvider time, ILogger<SmsFollowUpService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.FollowUpSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stoppingToken);
                await followUp.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "SMS follow-up round failed; next round in {Seconds}s", every.TotalSeconds);
            }
        }
    }
}
