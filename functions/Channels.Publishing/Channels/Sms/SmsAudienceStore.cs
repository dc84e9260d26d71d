using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Sms;

/// <summary>One member of an audience: the normalised number and whether the citizen opted out (退订: never sent to).</summary>
public sealed record SmsAudienceMember(string Number, bool OptedOut);

/// <summary>
/// Named SMS audiences in table smsaudiences (partition = name, row = +86… number, OptedOut). Writes are upserts and
/// deletes of single rows in transactions of ≤100, so any of them can be repeated safely. A number once opted out stays
/// opted out when a list is replaced or added to again (only removing the member clears it).
/// </summary>
public sealed class SmsAudienceStore(ChannelsStorage storage)
{
    public async Task<IReadOnlyList<SmsAudienceMember>?> GetAsync(string name, CancellationToken ct)
    {
        var members = new List<SmsAudienceMember>();
        await foreach (var e in storage.SmsAudiences.QueryAsync<TableEntity>(e => e.PartitionKey == name, select: ["RowKey", "OptedOut"],
            cancellationToken: ct))
        {
            members.Add(new SmsAudienceMember(e.RowKey, e.GetBoolean("OptedOut") == true));
        }

        return members.Count == 0 ? null : members;
    }

    /// <summary>Every audience with its member and opted-out counts.</summary>
    public async Task<IReadOnlyList<(string Name, int Members, int OptedOut)>> ListAsync(CancellationToken ct)
    {
        var counts = new SortedDictionary<string, (int Members, int OptedOut)>(StringComparer.Ordinal);
        await foreach (var e in storage.SmsAudiences.QueryAsync<TableEntity>(select: ["PartitionKey", "OptedOut"], cancellationToken: ct))
        {
            var (m, o) = counts.GetValueOrDefault(e.PartitionKey);
            counts[e.PartitionKey] = (m + 1, o + (e.GetBoolean("OptedOut") == true ? 1 : 0));
        }

        return counts.Select(c => (c.Key, c.Value.Members, c.Value.OptedOut)).ToList();
    }

    /// <summary>Makes the audience exactly these numbers (opted-out marks of numbers that stay are kept).</summary>
    public async Task ReplaceAsync(string name, IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var existing = (await GetAsync(name, ct) ?? []).ToDictionary(m => m.Number, StringComparer.Ordinal);
        var keep = numbers.ToHashSet(StringComparer.Ordinal);
        var actions = numbers.Where(n => !existing.ContainsKey(n))
            .Select(n => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(name, n) { ["OptedOut"] = false }))
            .Concat(existing.Keys.Where(n => !keep.Contains(n)).Select(n => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(name,
                n) { ETag = ETag.All })));
        await SubmitAsync(actions, ct);
    }

    /// <summary>Adds numbers (already present ones, opted out or not, are left as they are).</summary>
    public async Task AddAsync(string name, IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var existing = (await GetAsync(name, ct) ?? []).Select(m => m.Number).ToHashSet(StringComparer.Ordinal);
        await SubmitAsync(numbers.Where(n => !existing.Contains(n))
            .Select(n => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(name, n) { ["OptedOut"] = false })), ct);
    }

    /// <summary>Removes a member, or with <paramref name="optOut"/> keeps it marked opted out. False when it is not a member.</summary>
    public async Task<bool> RemoveAsync(string name, string number, bool optOut, CancellationToken ct)
    {
        var row = await storage.SmsAudiences.GetEntityIfExistsAsync<TableEntity>(name, number, cancellationToken: ct);
        if (!row.HasValue) return false;
        if (optOut) await storage.SmsAudiences.UpsertEntityAsync(new TableEntity(name, number) { ["OptedOut"] = true }, TableUpdateMode.Replace, ct);
        else await storage.SmsAudiences.DeleteEntityAsync(name, number, ETag.All, ct);
        return true;
    }

    async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        foreach (var chunk in actions.Chunk(100)) await storage.SmsAudiences.SubmitTransactionAsync(chunk, ct);
    }
}
