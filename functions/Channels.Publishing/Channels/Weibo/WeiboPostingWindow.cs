using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>
/// Weibo allows 30 posts an hour per account: every post reserves a slot in a sliding window kept in one row of table
/// channelstate (weibo/window, optimistic concurrency on its ETag). A slot is the earliest time t ≥ now, not before the
/// last reservation, such that at most PostsPerHour reservations fall in any window of WindowSeconds; an item that
/// already holds a slot gets the same one back, so a retried activity never reserves twice.
/// </summary>
public sealed class WeiboPostingWindow : IChannelPacer
{
    const string Partition = "weibo";
    const string Row = "window";

    readonly ChannelsStorage storage;
    readonly IOptions<WeiboOptions> options;
    readonly TimeProvider time;
    readonly GroupCommit<PublicationItem, DateTimeOffset?> reservations;

    public WeiboPostingWindow(ChannelsStorage storage, IOptions<WeiboOptions> options, TimeProvider time)
    {
        this.storage = storage;
        this.options = options;
        this.time = time;
        reservations = new GroupCommit<PublicationItem, DateTimeOffset?>(ReserveAsync);
    }

    public string Channel => ChannelNames.Weibo;

    /// <summary>
    /// Reservations made at the same moment in this process share one read-modify-write of the window row (group
    /// commit); other processes are kept apart by the row's ETag.
    /// </summary>
    public Task<DateTimeOffset?> NotBeforeAsync(PublicationItem item, CancellationToken ct) => reservations.RunAsync(item, ct);

    async Task<IReadOnlyList<DateTimeOffset?>> ReserveAsync(IReadOnlyList<PublicationItem> items, CancellationToken ct)
    {
        var window = TimeSpan.FromSeconds(options.Value.WindowSeconds);
        var limit = options.Value.PostsPerHour;
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            var existing = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
            var row = existing.HasValue ? existing.Value! : null;
            var slots = row?.GetString("Slots") is { } json ? JsonSerializer.Deserialize<List<Slot>>(json) ?? [] : [];
            slots = slots.Where(s => s.At > now - window || items.Any(i => i.Id == s.Item)).OrderBy(s => s.At).ToList();
            var results = new List<DateTimeOffset?>();
            var changed = false;
            foreach (var item in items)
            {
                if (slots.FirstOrDefault(s => s.Item == item.Id) is { } mine)
                {
                    results.Add(Wait(mine.At, now));
                    continue;
                }

                var at = Next(slots.Where(s => s.At > now - window).OrderBy(s => s.At).ToList(), item.IsEmergency, now, window, limit);
                slots.Add(new Slot(item.Id, at));
                results.Add(Wait(at, now));
                changed = true;
            }

            if (!changed) return results;
            var entity = new TableEntity(Partition, Row) { ["Slots"] = JsonSerializer.Serialize(slots.OrderBy(s => s.At).ToList()) };
            try
            {
                if (row is null) await storage.ChannelState.AddEntityAsync(entity, ct);
                else await storage.ChannelState.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, ct);
                return results;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                // Another instance reserved at the same moment: read the window again.
            }
        }
    }

    /// <summary>
    /// The earliest slot t ≥ now, not before the last reservation, with at most <paramref name="limit"/> reservations
    /// in any window; an emergency only respects Weibo's own hard limit, so it jumps the queue.
    /// </summary>
    static DateTimeOffset Next(List<Slot> slots, bool emergency, DateTimeOffset now, TimeSpan window, int limit)
    {
        var at = now;
        if (emergency)
        {
            // Emergencies jump the queue: our budget (PostsPerHour) stays under Weibo's 30/hour so there is room.
            var hard = Math.Max(limit, WeiboOptions.PlatformPostsPerHour);
            var recent = slots.Where(s => s.At <= now).ToList();
            if (recent.Count >= hard) at = recent[^hard].At + window;
            return at;
        }

        if (slots.Count > 0 && slots[^1].At > at) at = slots[^1].At;
        if (slots.Count >= limit && slots[^limit].At + window > at) at = slots[^limit].At + window;
        return at;
    }

    /// <summary>Posts made or reserved in the current window (ending now), and the limit.</summary>
    public async Task<(int Used, int Limit)> UsageAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        var slots = row.HasValue && row.Value?.GetString("Slots") is { } json ? JsonSerializer.Deserialize<List<Slot>>(json) ?? [] : [];
        return (slots.Count(s => s.At > now - TimeSpan.FromSeconds(options.Value.WindowSeconds)), options.Value.PostsPerHour);
    }

    static DateTimeOffset? Wait(DateTimeOffset at, DateTimeOffset now) => at > now ? at : null;

    sealed record Slot(string Item, DateTimeOffset At);
}
