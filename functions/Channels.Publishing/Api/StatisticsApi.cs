using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>GET /api/statistics/{year} and GET /api/health.</summary>
public sealed class StatisticsApi(StatisticsService statistics, ChannelsStorage storage)
{
    public async Task GetYearAsync(HttpContext ctx, string year)
    {
        if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) || y < 2000 || y > 2100)
        {
            await ApiResponses.ProblemAsync(ctx, 400, "年份无效", "年份须为2000至2100之间的四位数字",
                new Dictionary<string, string[]> { ["year"] = ["年份须为2000至2100之间的四位数字"] });
            return;
        }

        await ApiResponses.JsonAsync(ctx, 200, await statistics.ForYearAsync(y, ctx.RequestAborted));
    }

    public async Task HealthAsync(HttpContext ctx)
    {
        try
        {
            await storage.EnsureCreatedAsync().WaitAsync(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            await ApiResponses.JsonAsync(ctx, 200, new { status = "ok", storage = "ok" });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ApiResponses.JsonAsync(ctx, 503, new { status = "unhealthy", storage = e.Message });
        }
    }
}
