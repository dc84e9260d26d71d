namespace Channels.Publishing.Storage;

/// <summary>
/// A bounded, thread-safe least-recently-used cache: reading or writing a key makes it the most recent; adding past
/// <see cref="Capacity"/> evicts the least recent one — never the whole cache at once, so the items a busy host is
/// working on stay cached while the cache is full.
/// </summary>
public sealed class LruCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    readonly object gate = new();
    readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> map = new(comparer);
    readonly LinkedList<(TKey Key, TValue Value)> order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get { lock (gate) return map.Count; }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (map.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Adds or replaces the value, making it the most recent; returns it.</summary>
    public TValue Set(TKey key, TValue value)
    {
        lock (gate)
        {
            if (map.TryGetValue(key, out var node))
            {
                order.Remove(node);
                node.Value = (key, value);
                order.AddFirst(node);
                return value;
            }

            map[key] = order.AddFirst((key, value));
            if (map.Count > Capacity)
            {
                var last = order.Last!;
                order.RemoveLast();
                map.Remove(last.Value.Key);
            }
        }

        return value;
    }

    public void Remove(TKey key)
    {
        lock (gate)
        {
            if (map.Remove(key, out var node)) order.Remove(node);
        }
    }
}
