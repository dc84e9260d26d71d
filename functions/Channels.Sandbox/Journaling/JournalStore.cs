using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Journaling;

/// <summary>Every call to every emulated API, in arrival order, numbered by one sequence across channels.</summary>
internal sealed class JournalStore(TimeProvider clock) : IResettable
{
    readonly List<JournalEntry> entries = [];
    readonly Lock gate = new();
    long seq;

    public JournalEntry Append(string channel, string api, string outcome, string? platformId, IReadOnlyDictionary<string, object?> detail, string? fault)
    {
        var copy = new Dictionary<string, object?>(detail, StringComparer.Ordinal);
        lock (gate)
        {
            var entry = new JournalEntry(++seq, clock.GetUtcNow().UtcDateTime, channel, api, outcome, platformId, copy, fault);
            entries.Add(entry);
            return entry;
        }
    }

    /// <summary>The entries of one channel, or of all channels when <paramref name="channel"/> is null, by seq.</summary>
    public IReadOnlyList<JournalEntry> Read(string? channel)
    {
        lock (gate)
        {
            return entries.Where(e => channel is null || e.Channel == channel).ToList();
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            entries.Clear();
            seq = 0;
        }
    }
}
