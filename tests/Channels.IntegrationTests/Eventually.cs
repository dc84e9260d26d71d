namespace Channels.IntegrationTests;

/// <summary>
/// Waits for a condition instead of sleeping a fixed time: polls a probe until its value satisfies the condition or
/// the timeout passes. Deliveries, verdicts and caches settle at their own pace; a fixed sleep is either too short on
/// a busy machine or wastes time on an idle one.
/// </summary>
public static class Eventually
{
    static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The first value of <paramref name="probe"/> that satisfies <paramref name="done"/>; on timeout the last value,
    /// so the caller's own assertion says what was wrong.
    /// </summary>
    public static async Task<T> LastAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTimeOffset.UtcNow >= deadline) return value;
            await Task.Delay(every ?? DefaultInterval);
        }
    }

    /// <summary>The first non-null value of <paramref name="probe"/>; a <see cref="TimeoutException"/> naming <paramref name="what"/> otherwise.</summary>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, TimeSpan? every = null)
        where T : class
    {
        var value = await LastAsync(probe, v => v is not null, timeout, every);
        return value ?? throw new TimeoutException($"{what} (waited {(timeout ?? DefaultTimeout).TotalSeconds:0} s)");
    }
}
