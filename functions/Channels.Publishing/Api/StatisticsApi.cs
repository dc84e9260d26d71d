using Channels.Publishing.Reports;
using Channels.Publishing.Statistics;
using Channels.Publishing.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// GET /api/statistics/{year} (JSON; ?format=csv|xlsx), GET /api/reports/{year} (HTML; ?format=markdown or
/// Accept: text/markdown) and GET /api/health.
/// </summary>
public sealed class StatisticsApi(
    StatisticsService statistics, Monitoring.RulesService rules, ChannelsStorage storage, IOptions<ReportOptions> report,
        TimeProvider time,
    Columns.ColumnCatalogue? catalogue = null, Microsoft.Extensions.Logging.ILogger<StatisticsApi>? logger = null,
    Channels.ChannelCatalog? channels = null)
{
    async Task<Columns.ColumnSet> ColumnsAsync(CancellationToken ct) => catalogue is null ? Columns.ColumnSet.Default : await catalogue.CurrentAsync(ct);

    public async Task GetYearAsync(HttpContext ctx, string year)
    {
        if (await YearAsync(ctx, year) is not { } y) return;
        var stats = await statistics.ForYearAsync(y, ctx.RequestAborted);
        switch (ctx.Request.Query["format"].ToString())
        {
            case "csv":
                await FileAsync(ctx, StatisticsExport.Csv(stats, await ColumnsAsync(ctx.RequestAborted)), "text/csv; charset=utf-8", $"statistics-{y}.csv");
                break;
            case "xlsx":
                await FileAsync(ctx, XlsxWriter.Write($"{y}年发布统计", StatisticsExport.Rows(stats, await ColumnsAsync(ctx.RequestAborted))
                    .Prepend(StatisticsExport.Header)),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"statistics-{y}.xlsx");
                break;
            case "" or "json":
                await ApiResponses.JsonAsync(ctx, 200, stats);
                break;
            default:
                await ApiResponses.ProblemAsync(ctx, 400, "格式无效", "format 只能是 json、csv 或 xlsx",
                    new Dictionary<string, string[]> { ["format"] = ["format 只能是 json、csv 或 xlsx"] });
                break;
        }
    }

    /// <summary>GET /api/rules/{year}: emergencies, disclosure deadlines, interpretations, freshness and alerts.</summary>
    public async Task GetRulesAsync(HttpContext ctx, string year)
    {
        if (await YearAsync(ctx, year) is not { } y) return;
        await ApiResponses.JsonAsync(ctx, 200, await rules.ForYearAsync(y, ctx.RequestAborted));
    }

    public async Task GetReportAsync(HttpContext ctx, string year)
    {
        if (await YearAsync(ctx, year) is not { } y) return;
        var built = AnnualReport.Build(await statistics.ForYearAsync(y, ctx.RequestAborted), report.Value.DistrictName, time.GetUtcNow(),
            await rules.ForYearAsync(y, ctx.RequestAborted), await ColumnsAsync(ctx.RequestAborted), channels);
        var markdown = ctx.Request.Query["format"] is var f && (f == "markdown" || f == "md")
            || ctx.Request.Headers.Accept.ToString().Contains("text/markdown", StringComparison.OrdinalIgnoreCase);
        ctx.Response.ContentType = markdown ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(markdown ? ReportRenderer.Markdown(built) : ReportRenderer.Html(built), ctx.RequestAborted);
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
            // Anonymous callers learn only that storage is unreachable; the exception (hosts, accounts, paths) goes to the log.
            logger?.LogError(e, "Health check: storage unreachable");
            await ApiResponses.JsonAsync(ctx, 503, new { status = "unhealthy", storage = "unavailable" });
        }
    }

    static async Task<int?> YearAsync(HttpContext ctx, string year)
    {
        if (int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && y is >= 2000 and <= 2100) return y;
        await ApiResponses.ProblemAsync(ctx, 400, "年份无效", "年份须为2000至2100之间的四位数字",
            new Dictionary<string, string[]> { ["year"] = ["年份须为2000至2100之间的四位数字"] });
        return null;
    }

    static async Task FileAsync(HttpContext ctx, byte[] content, string type, string name)
    {
        ctx.Response.ContentType = type;
        ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await ctx.Response.Body.WriteAsync(content, ctx.RequestAborted);
    }
}
