using System.Globalization;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Ledger;

/// <summary>
/// One row per counted post in table "delivered": partition = statistics year (UTC+8 of publishAt),
/// row = channel|item|part. Written with upsert when a post reaches its final delivered state, so a retried or
/// replayed delivery writes the same row again and is never counted twice. After each write the year's change
/// token (table statversions, kept apart so reading it stays a cheap point read) is replaced, which is how cached
/// statistics know they are stale. Token writes of concurrent deliveries go together (group commit): one write per
/// year per round trip, always started after the counts it stands for were written.
/// </summary>
public sealed class CountingIndex
{
    public const string VersionsPartition = "versions";

    readonly ChannelsStorage storage;
    readonly GroupCommit<int, bool> tokens;

    public CountingIndex(ChannelsStorage storage)
    {
        this.storage = storage;
        tokens = new GroupCommit<int, bool>(WriteTokensAsync);
    }

    public async Task CountAsync(int year, int month, IEnumerable<CountedPost> posts, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var partition = year.ToString(CultureInfo.InvariantCulture);
        var actions = posts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, p.RowKey)
        {
            ["Channel"] = p.Channel,
            ["Metric"] = p.Metric,
            ["Name"] = p.Name,
            ["Units"] = p.Units,
            ["ItemId"] = p.ItemId,
            ["Month"] = month,
        })).ToList();
        foreach (var chunk in actions.Chunk(100))
        {
            await storage.Delivered.SubmitTransactionAsync(chunk, ct);
        }

        await tokens.RunAsync(year, ct);
    }

    /// <summary>A fresh token per year, not a counter: concurrent writers never conflict, and any change is seen.</summary>
    async Task<IReadOnlyList<bool>> WriteTokensAsync(IReadOnlyList<int> years, CancellationToken ct)
    {
        await Task.WhenAll(years.Distinct().Select(year => storage.StatVersions.UpsertEntityAsync(
            new TableEntity(VersionsPartition, year.ToString(CultureInfo.InvariantCulture)) { ["Token"] = Guid.NewGuid().ToString("N") }, TableUpdateMode.Replace, ct)));
        return [.. years.Select(_ => true)];
    }

    public async Task<string> VersionAsync(int year, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var row = await storage.StatVersions.GetEntityIfExistsAsync<TableEntity>(VersionsPartition, year.ToString(CultureInfo.InvariantCulture), ["Token"], ct);
        return row.HasValue ? row.Value!.GetString("Token") ?? "" : "";
    }
}

/// <summary>A counted post: e.g. (website, item), (website, column 政务动态), (sms, message with N recipients).</summary>
public sealed record CountedPost(string Channel, string ItemId, string Metric, string? Name = null, int Units = 1)
{
    public string RowKey => $"{Channel}|{ItemId}|{Metric}{(Name is null ? "" : ":" + Name)}";
}
