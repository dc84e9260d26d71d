using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.Publishing.Ledger;

/// <summary>One transition of a channel's delivery: when, into which state, at which attempt, and why.</summary>
public sealed record DeliveryEvent(DateTimeOffset At, string State, int Attempts, string? Note);

/// <summary>
/// The history kept on the ledger row itself (no extra write per transition): an event is appended whenever the
/// state, the attempt or the reason changes. Bounded: the first events and the latest ones are kept.
/// </summary>
public static class DeliveryHistory
{
    public const int MaxEvents = 60;
    const int KeepFirst = 10;

    public static IReadOnlyList<DeliveryEvent> Read(DeliveryEntry entry) =>
        string.IsNullOrEmpty(entry.History) ? [] : JsonSerializer.Deserialize<List<DeliveryEvent>>(entry.History, ChannelsJson.Options) ?? [];

    /// <summary>Appends the row's current state if it differs from the last event, or a given note.</summary>
    public static void Append(DeliveryEntry entry, DateTimeOffset at, string? note = null)
    {
        var events = Read(entry).ToList();
        var last = events.Count > 0 ? events[^1] : null;
        var reason = note ?? entry.Error;
        if (last is not null && note is null && last.State == entry.State && last.Attempts == entry.Attempts && (reason is null || last.Note == reason)) return;
        events.Add(new DeliveryEvent(at, entry.State, entry.Attempts, reason));
        if (events.Count > MaxEvents) events.RemoveRange(KeepFirst, events.Count - MaxEvents);
        entry.History = JsonSerializer.Serialize(events, ChannelsJson.Options);
    }
}
