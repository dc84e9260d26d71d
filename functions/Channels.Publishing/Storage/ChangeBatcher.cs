namespace Channels.Publishing.Storage;

/// <summary>
/// Coalesces changes that arrive together for one key into one run, on <see cref="GroupCommit{TRequest, TResult}"/>:
/// callers enqueue a change and wait; while a run for the key is in progress new changes queue up and the next run
/// takes them all (with the run delegate the latest caller gave). Runs of one key never overlap in this process.
/// </summary>
public sealed class ChangeBatcher<TChange>
{
    readonly GroupCommit<(TChange Change, Func<IReadOnlyList<TChange>, Task> Run), bool> commits = new(async (_, queued, _) =>
    {
        await queued[^1].Run([.. queued.Select(q => q.Change)]);
        return [.. queued.Select(_ => true)];
    });

    /// <summary>Queues <paramref name="change"/>; completes when a run that included it has finished (or fails with it).</summary>
    public Task EnqueueAsync(string key, TChange change, Func<IReadOnlyList<TChange>, Task> run) =>
        commits.RunAsync(key, (change, run), CancellationToken.None);
}
