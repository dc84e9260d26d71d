using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Channels.Publishing.Items;
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
        for (var attempt = 0; ; attempt++)
        {
            SortedDictionary<string, int> numbers = new(StringComparer.Ordinal);
            ETag? etag = null;
            try
            {
                var content = await blob.DownloadContentAsync(ct);
                etag = content.Value.Details.ETag;
                numbers = JsonSerializer.Deserialize<SortedDictionary<string, int>>(content.Value.Content.ToString(), ChannelsJson.Options) ?? numbers;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }

            if (numbers.TryGetValue(date, out var existing)) return existing;
            var next = numbers.Values.DefaultIfEmpty(0).Max() + 1;
            numbers[date] = next;
            try
            {
                await blob.UploadAsync(BinaryData.FromObjectAsJson(numbers, ChannelsJson.Options), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                    Conditions = etag is { } t ? new BlobRequestConditions { IfMatch = t } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 50)
            {
                await Task.Delay(Random.Shared.Next(5, 40), ct);
            }
        }
    }
}
