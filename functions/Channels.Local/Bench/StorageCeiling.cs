using System.Diagnostics;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Local.Bench;

/// <summary>
/// How many storage requests per second this machine's storage (Azurite here) answers at all: small upserts and point
/// reads on a scratch table from 32 concurrent callers, through the same client pipeline the app uses. Divided by
/// the requests one item needs, it is a ceiling on items per second that no change outside storage can lift.
/// </summary>
internal static class StorageCeiling
{
    const int Callers = 32;

    public static async Task<double> MeasureAsync(ChannelsStorage storage, TimeSpan duration, CancellationToken ct)
    {
        var table = storage.TableService.GetTableClient("benchceiling");
        await table.CreateIfNotExistsAsync(ct);
        long requests = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async caller =>
        {
            var partition = $"c{caller}";
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var row = (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await table.UpsertEntityAsync(new TableEntity(partition, row) { ["N"] = i, ["Text"] = "政府信息公开" }, TableUpdateMode.Replace, ct);
                await table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: ct);
                Interlocked.Add(ref requests, 2);
            }
        }));
        var rate = requests / clock.Elapsed.TotalSeconds;
        await table.DeleteAsync(ct);
        return rate;
    }
}
