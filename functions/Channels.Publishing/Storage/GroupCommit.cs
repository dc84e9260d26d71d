namespace Channels.Publishing.Storage;

/// <summary>
/// Group commit — the one batching primitive — for a contended storage write: callers queue their request under a
/// key and wait; one loop per key takes everything queued, commits it in one round trip (one read-modify-write of a
/// shared row or document, one token write…), hands each caller its result, and repeats while requests keep
/// arriving. A request is always committed by a round trip that starts after it was queued, so a caller that returns
/// has seen its own effect written; round trips of one key never overlap in this process. Under load N concurrent
/// callers cost about one write per round trip instead of N writes and their ETag conflicts.
/// </summary>
public sealed class GroupCommit<TRequest, TResult>
{
    readonly Func<string, IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> commit;
    readonly Dictionary<string, Queue> queues = new(StringComparer.Ordinal);

    /// <summary>One loop per key: <paramref name="commit"/> gets the key and the requests queued for it.</summary>
    public GroupCommit(Func<string, IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> commit) => this.commit = commit;

    /// <summary>One loop for everything (a single key).</summary>
    public GroupCommit(Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> commit) : this((_, r, c) => commit(r, c))
    {
    }

    sealed class Queue
    {
        public List<Pending> Waiting = [];
        public bool Running;
    }

    sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Done);

    public Task<TResult> RunAsync(TRequest request, CancellationToken ct) => RunAsync("", request, ct);

    public Task<TResult> RunAsync(string key, TRequest request, CancellationToken ct)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        Queue queue;
        bool start;
        lock (queues)
        {
            if (!queues.TryGetValue(key, out queue!)) queues[key] = queue = new Queue();
            queue.Waiting.Add(pending);
            start = !queue.Running;
            queue.Running = true;
        }

        if (start) _ = Task.Run(() => LoopAsync(key, queue), CancellationToken.None);
        return pending.Done.Task.WaitAsync(ct);
    }

    async Task LoopAsync(string key, Queue queue)
    {
        while (true)
        {
            List<Pending> batch;
            lock (queues)
            {
                if (queue.Waiting.Count == 0)
                {
                    // An idle key leaves the table, so keys that come and go (one per column, per date) do not pile up.
                    queue.Running = false;
                    queues.Remove(key);
                    return;
                }

                batch = queue.Waiting;
                queue.Waiting = [];
            }

            try
            {
                var results = await commit(key, [.. batch.Select(p => p.Request)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(results[i]);
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.SetException(e);
            }
        }
    }
}
