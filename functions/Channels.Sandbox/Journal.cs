using System.Collections.Concurrent;

namespace Channels.Sandbox;

/// <summary>One call to an emulated API, kept so tests and people can see duplicates and failures.</summary>
public sealed record JournalEntry(long Seq, DateTimeOffset At, string Channel, string Api, string Outcome, string? PlatformId, object? Detail);

/// <summary>Every call to every emulated API, in order.</summary>
public sealed class Journal
{
    readonly ConcurrentQueue<JournalEntry> entries = new();
    long seq;

    public void Add(string channel, string api, string outcome, string? platformId, object? detail) =>
        entries.Enqueue(new JournalEntry(Interlocked.Increment(ref seq), DateTimeOffset.UtcNow, channel, api, outcome, platformId, detail));

    public IReadOnlyList<JournalEntry> For(string? channel) =>
        entries.Where(e => channel is null || e.Channel == channel).OrderBy(e => e.Seq).ToList();

    public void Clear() => entries.Clear();
}
