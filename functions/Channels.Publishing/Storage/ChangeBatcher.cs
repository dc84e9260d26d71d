namespace Channels.Publishing.Storage;

/// <summary>
/// Coalesces changes that arrive together for one key into one run (the <see cref="ListingBook"/> batching, for any
/// document): callers enqueue a change and wait; while a run for the key is in progress new changes queue up and
/// the next run takes them all. Runs of one key never overlap in this process.
/// </summary>
public sealed class ChangeBatcher<TChange>
{
    readonly Dictionary<string, Batch> batches = new(StringComparer.Ordinal);

    sealed class Batch
    {
        public List<TChange> Pending = [];
        public TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Running;
        public Func<IReadOnlyList<TChange>, Task> Run = _ => Task.CompletedTask;
    }

    /// <summary>Queues <paramref name="change"/>; completes when a run that included it has finished (or fails with it).</summary>
    public Task EnqueueAsync(string key, TChange change, Func<IReadOnlyList<TChange>, Task> run)
    {
        Batch batch;
        Task wait;
        var start = false;
        lock (batches)
        {
            if (!batches.TryGetValue(key, out batch!)) batches[key] = batch = new Batch();
            batch.Pending.Add(change);
            batch.Run = run;
            wait = batch.Done.Task;
            if (!batch.Running) start = batch.Running = true;
        }

        if (start) _ = Task.Run(() => LoopAsync(batch));
        return wait;
    }

    async Task LoopAsync(Batch batch)
    {
        while (true)
        {
            List<TChange> changes;
            TaskCompletionSource done;
            Func<IReadOnlyList<TChange>, Task> run;
            lock (batches)
            {
                if (batch.Pending.Count == 0)
                {
                    batch.Running = false;
                    return;
                }

                (changes, done, run) = (batch.Pending, batch.Done, batch.Run);
                batch.Pending = [];
                batch.Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            try
            {
                await run(changes);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }
}
