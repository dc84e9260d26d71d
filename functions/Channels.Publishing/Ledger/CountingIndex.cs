using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Ledger;

/// <summary>
/// One row per counted post in table "delivered": partition = statistics year (UTC+8 of publishAt),
/// row = channel|item|part. Written with upsert when a post reaches its final delivered state, so a retried or
/// replayed delivery writes the same row again and is never counted twice.
/// </summary>
public sealed class CountingIndex(ChannelsStorage storage)
{
    public async Task CountAsync(int year, IEnumerable<CountedPost> posts, CancellationToken ct)
    {
        await storage.EnsureCreatedAsync();
        var actions = posts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(year.ToString(System.Globalization.CultureInfo.InvariantCulture), p.RowKey)
        {
            ["Channel"] = p.Channel,
            ["Metric"] = p.Metric,
            ["Name"] = p.Name,
            ["Units"] = p.Units,
            ["ItemId"] = p.ItemId,
        })).ToList();
        foreach (var chunk in actions.Chunk(100))
        {
            await storage.Delivered.SubmitTransactionAsync(chunk, ct);
        }
    }
}

/// <summary>A counted post: e.g. (website, item), (website, column 政务动态), (sms, message with N recipients).</summary>
public sealed record CountedPost(string Channel, string ItemId, string Metric, string? Name = null, int Units = 1)
{
    public string RowKey => $"{Channel}|{ItemId}|{Metric}{(Name is null ? "" : ":" + Name)}";
}
