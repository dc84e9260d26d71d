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
