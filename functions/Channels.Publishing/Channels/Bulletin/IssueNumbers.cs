using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// The numbers of the year's bulletin issues (2017年第58期): one JSON document per year in the archive container
/// (bulletin/issue-numbers/{yyyy}.json) mapping each date that had bulletin items to its number. A date gets the
/// next number the first time one of its items is published (a compare-and-swap with If-None-Match / If-Match, so
/// concurrent publishes of one date agree) and keeps it for good: a late, backdated item never renumbers issues
/// already printed, and a retraction never frees a number.
/// </summary>
public sealed class IssueNumbers(ChannelsStorage storage)
{
    /// <summary>The date's issue number, assigning the year's next one if the date has none yet.</summary>
    public async Task<int> AssignAsync(string date, CancellationToken ct)
    {
        var blob = storage.Archive.GetBlobClient($"bulletin/issue-numbers/{date[..4]}.json");
        return await BlobJson.UpdateAsync<SortedDictionary<string, int>, int>(blob, stored =>
        {
            if (stored is not null && stored.TryGetValue(date, out var existing)) return (null, existing);
            var numbers = new SortedDictionary<string, int>(stored ?? new SortedDictionary<string, int>(), StringComparer.Ordinal);
            var next = numbers.Values.DefaultIfEmpty(0).Max() + 1;
            numbers[date] = next;
            return (numbers, next);
        }, null, ct);
    }
}
