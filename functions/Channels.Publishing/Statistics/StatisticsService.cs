using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Statistics;

/// <summary>
/// A year's statistics from the counting index. The scan of the year's rows is cached and reused while the
/// year's change token is unchanged, so a request costs one point read unless something was counted since.
/// </summary>
public sealed class StatisticsService(ChannelsStorage storage, CountingIndex counting, Channels.ChannelCatalog? channels = null)
{
    static readonly string[] Columns = ["Channel", "Metric", "Name", "Units", "Month"];
    readonly ConcurrentDictionary<int, (string Token, YearStatistics Stats)> cache = new();

    public async Task<YearStatistics> ForYearAsync(int year, CancellationToken ct)
    {
        var token = await counting.VersionAsync(year, ct);
        if (cache.TryGetValue(year, out var hit) && hit.Token == token && token.Length > 0) return hit.Stats;

        var tally = new YearTally(year, channels);
        var partition = year.ToString(CultureInfo.InvariantCulture);
        await foreach (var row in storage.Delivered.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: Columns, cancellationToken: ct))
        {
            tally.Add(row.GetString("Channel"), row.GetString("Metric"), row.GetString("Name"), row.GetInt32("Units") ?? 1, row.GetInt32("Month") ?? 0);
        }

        var stats = tally.Result();
        cache[year] = (token, stats);
        return stats;
    }
}

/// <summary>Metric names in the counting index.</summary>
public static class Metrics
{
    public const string Item = "item";
    public const string Column = "column";
    public const string Article = "article";
    public const string MassSend = "masssend";
    public const string Post = "post";
    public const string Message = "message";
    public const string Category = "category";
}
