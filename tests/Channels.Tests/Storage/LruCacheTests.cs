using Channels.Publishing.Storage;

namespace Channels.Tests.Storage;

public class LruCacheTests
{
    [Fact]
    public void Full_EvictsOnlyTheLeastRecentlyUsed_NotEverything()
    {
        var cache = new LruCache<string, int>(3, StringComparer.Ordinal);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        Assert.True(cache.TryGet("a", out _)); // "a" is now the most recent; "b" the least
        cache.Set("d", 4);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a) && a == 1);
        Assert.True(cache.TryGet("c", out _));
        Assert.True(cache.TryGet("d", out _));
    }

    [Fact]
    public void Replacing_KeepsOneEntry_AndRemoveForgets()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("a", 5);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", out var v) && v == 5);
        cache.Remove("a");
        Assert.False(cache.TryGet("a", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LruCache<string, int>(0));
    }

    [Fact]
    public async Task ManyThreads_NeverExceedTheCapacity()
    {
        var cache = new LruCache<int, int>(100);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                cache.Set(t * 10_000 + i, i);
                cache.TryGet(t * 10_000 + i / 2, out _);
            }
        })));
        Assert.Equal(100, cache.Count);
    }
}
