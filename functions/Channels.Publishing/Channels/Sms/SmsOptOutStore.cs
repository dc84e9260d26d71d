using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Sms;

/// <summary>One number on the opt-out list: when, how (reply, callback, admin, audience) and what the citizen wrote.</summary>
public sealed record SmsOptOut(string Number, DateTimeOffset At, string Source, string? Note);

/// <summary>
/// The one SMS opt-out list (table smsoptouts, partition "optout", row = +86… number). A number on it is never sent to,
/// whether it is addressed directly in sms.audience or through a named audience. Writes are single-row upserts and
/// deletes, safe to repeat; the first opt-out of a number is kept (a repeated "TD" does not move its time).
/// </summary>
public sealed class SmsOptOutStore(ChannelsStorage storage)
{
    public const string Partition = "optout";

    /// <summary>Puts the number on the list; false when it was already there.</summary>
    public async Task<bool> AddAsync(SmsOptOut optOut, CancellationToken ct)
    {
        try
        {
            await storage.SmsOptOuts.AddEntityAsync(new TableEntity(Partition, optOut.Number)
            {
                ["At"] = optOut.At, ["Source"] = optOut.Source, ["Note"] = optOut.Note is { Length: > 200 } n ? n[..200] : optOut.Note,
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Takes the number off the list (an admin's undo); false when it was not on it.</summary>
    public async Task<bool> RemoveAsync(string number, CancellationToken ct)
    {
        try
        {
            // The SDK answers a missing entity with its 404 response rather than an exception.
            return (await storage.SmsOptOuts.DeleteEntityAsync(Partition, number, ETag.All, ct)).Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<SmsOptOut>> ListAsync(CancellationToken ct)
    {
        var list = new List<SmsOptOut>();
        await foreach (var e in storage.SmsOptOuts.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            list.Add(new SmsOptOut(e.RowKey, e.GetDateTimeOffset("At") ?? e.Timestamp ?? default, e.GetString("Source") ?? "", e.GetString("Note")));
        }

        return list;
    }

    /// <summary>The numbers of <paramref name="numbers"/> that are on the list (point reads for a few, one scan for many).</summary>
    public async Task<IReadOnlySet<string>> OptedOutAmongAsync(IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
        if (numbers.Count > 20)
        {
            var all = (await ListAsync(ct)).Select(o => o.Number).ToHashSet(StringComparer.Ordinal);
            return numbers.Where(all.Contains).ToHashSet(StringComparer.Ordinal);
        }

        var found = await Task.WhenAll(numbers.Distinct(StringComparer.Ordinal).Select(async n =>
            (await storage.SmsOptOuts.GetEntityIfExistsAsync<TableEntity>(Partition, n, ["RowKey"], ct)).HasValue ? n : null));
        return found.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
