using Channels.Publishing.Storage;

namespace Channels.Tests.Storage;

public class GroupCommitTests
{
    [Fact]
    public async Task Callers_ArrivingDuringACommit_ShareTheNextOne_AndEachGetsItsOwnResult()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var batches = new List<int[]>();
        var group = new GroupCommit<int, string>(async (requests, _) =>
        {
            int n;
            lock (batches)
            {
                batches.Add([.. requests]);
                n = batches.Count;
            }

            if (n == 1)
            {
                started.SetResult();
                await release.Task; // the first commit is slow: others queue up behind it
            }

            return [.. requests.Select(r => $"r{r}")];
        });

        var first = group.RunAsync(0, CancellationToken.None);
        await started.Task;
        var rest = Enumerable.Range(1, 20).Select(i => group.RunAsync(i, CancellationToken.None)).ToList();
        release.SetResult();

        Assert.Equal("r0", await first);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"r{i}"), await Task.WhenAll(rest));
        Assert.Equal(2, batches.Count);
        Assert.Equal([0], batches[0]);
        Assert.Equal(Enumerable.Range(1, 20), batches[1]);
    }

    [Fact]
    public async Task AFailedCommit_FailsEveryCallerInIt_AndTheNextCommitStillRuns()
    {
        var calls = 0;
        var group = new GroupCommit<int, int>((requests, _) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("storage down")
                : Task.FromResult<IReadOnlyList<int>>([.. requests.Select(r => r * 2)]));

        await Assert.ThrowsAsync<InvalidOperationException>(() => group.RunAsync(1, CancellationToken.None));
        Assert.Equal(4, await group.RunAsync(2, CancellationToken.None));
    }

    [Fact]
    public async Task ARequest_IsCommittedByARoundTripStartedAfterItWasQueued()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var log = new List<string>();
        var group = new GroupCommit<string, bool>(async (requests, _) =>
        {
            lock (log) log.Add("start:" + string.Join(',', requests));
            if (requests.Contains("a"))
            {
                started.SetResult();
                await release.Task;
            }

            return [.. requests.Select(_ => true)];
        });

        var a = group.RunAsync("a", CancellationToken.None);
        await started.Task;
        var b = group.RunAsync("b", CancellationToken.None); // queued while "a" is in flight
        release.SetResult();
        await Task.WhenAll(a, b);

        Assert.Equal(["start:a", "start:b"], log);
    }
}

public class KeyedGroupCommitTests
{
    [Fact]
    public async Task Keys_CommitApartAndInParallel_ButOneKeyNeverOverlapsItself()
    {
        var release = new TaskCompletionSource();
        var running = new Dictionary<string, int>(StringComparer.Ordinal);
        var overlap = false;
        var seen = new List<(string Key, int[] Requests)>();
        var group = new GroupCommit<int, int>(async (key, requests, _) =>
        {
            lock (seen)
            {
                running[key] = running.GetValueOrDefault(key) + 1;
                overlap |= running[key] > 1;
                seen.Add((key, [.. requests]));
            }

            if (key == "slow") await release.Task;
            lock (seen) running[key]--;
            return [.. requests];
        });

        var slow = group.RunAsync("slow", 1, CancellationToken.None);
        await Eventually(() => seen.Count == 1);
        // Another key is not held up by the slow one.
        Assert.Equal(7, await group.RunAsync("fast", 7, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        var queued = Enumerable.Range(2, 5).Select(i => group.RunAsync("slow", i, CancellationToken.None)).ToList();
        release.SetResult();
        await slow;
        var results = await Task.WhenAll(queued);
        Assert.Equal([2, 3, 4, 5, 6], results);

        Assert.False(overlap);
        Assert.Equal([[1], [2, 3, 4, 5, 6]], seen.Where(s => s.Key == "slow").Select(s => s.Requests));
    }

    [Fact]
    public async Task ChangeBatcher_RunsTheQueuedChangesTogether_WithTheLatestRunDelegate()
    {
        var batcher = new ChangeBatcher<string>();
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var runs = new List<(string By, string[] Changes)>();
        Func<IReadOnlyList<string>, Task> By(string name) => async changes =>
        {
            lock (runs) runs.Add((name, [.. changes]));
            if (name != "first") return;
            started.SetResult();
            await release.Task;
        };

        var first = batcher.EnqueueAsync("k", "a", By("first"));
        await started.Task;
        var next = new[] { batcher.EnqueueAsync("k", "b", By("second")), batcher.EnqueueAsync("k", "c", By("third")) };
        release.SetResult();
        await first;
        await Task.WhenAll(next);

        Assert.Equal([("first", new[] { "a" }), ("third", new[] { "b", "c" })], runs.Select(r => (r.By, r.Changes)));
    }

    static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
