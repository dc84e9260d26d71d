using System.Globalization;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Ledger;

/// <summary>
/// One row per counted post in table "delivered": partition = statistics year (UTC+8 of publishAt),
/// row = channel|item|part. Written with upsert when a post reaches its final delivered state, so a retried or
/// replayed delivery writes the same row again and is never counted twice. After each write the year's change
/// token (table statversions, kept apart so reading it stays a cheap point read) is replaced, which is how cached
/// statistics know they are stale. Deliveries counted at the same moment go together (group commit): their rows in
/// one transaction per year (≤100 rows each), then one token write per year — always after the rows it stands for.
/// </summary>
public sealed class CountingIndex
{
    public const string VersionsPartition = "versions";
    const int TransactionLimit = 100;

    readonly ChannelsStorage storage;
    readonly GroupCommit<(int Year, TableEntity[] Rows), bool> writes;

    public CountingIndex(ChannelsStorage storage)
    {
        this.storage = storage;
        writes = new GroupCommit<(int Year, TableEntity[] Rows), bool>(WriteAsync);
    }

    public async Task CountAsync(int year, int month, IEnumerable<CountedPost> posts, CancellationToken ct)
    {
        var partition = year.ToString(CultureInfo.InvariantCulture);
        var rows = posts.Select(p => new TableEntity(partition, p.RowKey)
        {
            ["Channel"] = p.Channel,
            ["Metric"] = p.Metric,
            ["Name"] = p.Name,
            ["Units"] = p.Units,
            ["ItemId"] = p.ItemId,
            ["Month"] = month,
        }).ToArray();
        await writes.RunAsync((year, rows), ct);
    }

    async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<(int Year, TableEntity[] Rows)> requests, CancellationToken ct)
    {
        foreach (var year in requests.GroupBy(r => r.Year))
        {
            // A transaction may not name a row twice: the same post counted twice at once is one upsert.
            var rows = year.SelectMany(r => r.Rows).GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(g => g.Last());
            await Parallel.ForEachAsync(rows.Chunk(TransactionLimit), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (chunk,
                c) =>
                await storage.Delivered.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), c));

            // A fresh token, not a counter: concurrent writers never conflict, and any change is seen.
            await storage.StatVersions.UpsertEntityAsync(
                new TableEntity(VersionsPartition, year.Key.ToString(CultureInfo.InvariantCulture)) { ["Token"] = Guid.NewGuid().ToString("N") },
                    TableUpdateMode.Replace, ct);
        }

        return [.. requests.Select(_ => true)];
    }

    public async Task<string> VersionAsync(int year, CancellationToken ct)
    {
        var row = await storage.StatVersions.GetEntityIfExistsAsync<TableEntity>(VersionsPartition, year.ToString(CultureInfo.InvariantCulture), ["Token"], ct);
        return row.HasValue ? row.Value!.GetString("Token") ?? "" : "";
    }
}

/// <summary>A counted post: e.g. (website, item), (website, column 政务动态), (sms, message with N recipients).</summary>
public sealed record CountedPost(string Channel, string ItemId, string Metric, string? Name = null, int Units = 1)
{
    public string RowKey => $"{Channel}|{ItemId}|{Metric}{(Name is null ? "" : ":" + Name)}";
}
