using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Office;

/// <summary>
/// At start-up: names the identity settings a 政府网站 needs that this deployment has not configured (an error in the
/// log, or a failed start with Channels:Office:RequireIdentity=true), and loads the column catalogue once so a wrong
/// Channels:Columns is reported now rather than at the first submission.
/// </summary>
public sealed class OfficeIdentityCheck(IConfiguration configuration, IOptions<OfficeOptions> office, Columns.ColumnCatalogue columns,
    ILogger<OfficeIdentityCheck> log) : IHostedService
{
    /// <summary>Settings (configuration keys) that must be set, with what they are for.</summary>
    public static readonly IReadOnlyList<(string Key, string What)> Required =
    [
        ("Channels:Office:Name", "主办单位"),
        ("Channels:Office:SiteCode", "网站标识码"),
        ("Channels:Office:Icp", "ICP备案号"),
        ("Channels:Office:PoliceRecord", "公安机关备案号"),
        ("Channels:Office:ConacUrl", "党政机关网站标识链接"),
        ("Channels:Office:Contact", "网站联系方式"),
        ("Channels:Website:SiteTitle", "网站名称"),
        ("Channels:Website:IndexPrefix", "索引号前缀"),
        ("Channels:Report:DistrictName", "年度报告的地区名称"),
        ("Channels:Bulletin:Issuer", "公告栏和政府公报的发布机关"),
    ];

    public static IReadOnlyList<string> Missing(IConfiguration configuration) =>
        [.. Required.Where(r => string.IsNullOrWhiteSpace(configuration[r.Key])).Select(r => $"{r.Key}（{r.What}）")];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = Missing(configuration);
        if (missing.Count > 0)
        {
            var message = "office identity incomplete, the website footer and reports lack: " + string.Join(", ", missing);
            if (office.Value.RequireIdentity) throw new InvalidOperationException(message);
            log.LogError("{Message}", message);
        }

        // The configured catalogue's own mistakes (names, kinds, slugs, parents) stop the start; loading the stored one
        // is left to the background, so a storage account still waking up does not hold the host.
        if (columns.ConfigurationErrors() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("Channels:Columns is invalid: " + string.Join("; ",
                errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var set = await columns.CurrentAsync(CancellationToken.None);
                log.LogInformation("column catalogue version {Version} ({Source}): {Count} active columns", set.Version, set.Source, set.Active.Count);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "column catalogue not loaded at start-up; it is loaded at first use");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
