namespace Channels.Publishing.Storage;

/// <summary>
/// Group commit for a contended storage write: callers queue their request and wait; one loop takes everything
/// queued, commits it in one round trip (one read-modify-write of a shared row, one token write…), hands each
/// caller its result, and repeats while requests keep arriving. A request is always committed by a round trip that
/// starts after it was queued, so a caller that returns has seen its own effect written. Under load N concurrent
/// callers cost about one write per round trip instead of N writes and their ETag conflicts.
/// </summary>
public sealed class GroupCommit<TRequest, TResult>(Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> commit)
{
    readonly object gate = new();
    List<Pending> queue = [];
    bool running;

    sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Done);

    public Task<TResult> RunAsync(TRequest request, CancellationToken ct)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (gate)
        {
            queue.Add(pending);
            start = !running;
            running = true;
        }

        if (start) _ = Task.Run(LoopAsync, CancellationToken.None);
        return pending.Done.Task.WaitAsync(ct);
    }

    async Task LoopAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    running = false;
                    return;
                }

                batch = queue;
                queue = [];
            }

            try
            {
                var results = await commit([.. batch.Select(p => p.Request)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(results[i]);
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.SetException(e);
            }
        }
    }
}
