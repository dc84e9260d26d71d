using System.Collections.Concurrent;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The (nonce, timestamp) pairs of pushes already accepted, kept for twice the 5-minute timestamp window, so a captured
/// push replayed within the window is refused instead of recorded again. Per instance; bounded (oldest dropped first
/// when full). The platform's own retries of an unanswered push repeat the same query string: they are refused too,
/// which is harmless — the first delivery was recorded, and polling is the fallback.
/// </summary>
public sealed class WeChatNonceCache(TimeProvider time)
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    const int MaxEntries = 100_000;
    readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    /// <summary>True the first time this pair is seen within <see cref="Keep"/>; false for a replay.</summary>
    public bool TryAccept(string nonce, string timestamp)
    {
        var now = time.GetUtcNow();
        if (seen.Count >= MaxEntries) Sweep(now);
        var key = timestamp + ":" + nonce;
        if (seen.TryAdd(key, now)) return true;
        if (now - seen[key] < Keep) return false;
        seen[key] = now;
        return true;
    }

    void Sweep(DateTimeOffset now)
    {
        foreach (var (key, at) in seen)
        {
            if (now - at >= Keep) seen.TryRemove(key, out _);
        }

        if (seen.Count < MaxEntries) return;
        foreach (var key in seen.OrderBy(e => e.Value).Take(seen.Count / 2).Select(e => e.Key).ToList()) seen.TryRemove(key, out _);
    }
}
