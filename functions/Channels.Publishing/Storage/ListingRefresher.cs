namespace Channels.Publishing.Storage;

/// <summary>
/// Coalesces regenerations of one listing page within a process: a caller that has just written its index row
/// waits for a regeneration that starts after its call, but many callers share one. Under a replay of thousands
/// of items, the home page is regenerated a few times a second instead of once per item (and across processes
/// <see cref="PageWriter.RegenerateAsync"/> still guards each write with If-Match).
/// </summary>
public sealed class ListingRefresher
{
    readonly Dictionary<string, Slot> slots = new(StringComparer.Ordinal);

    sealed class Slot
    {
        public TaskCompletionSource? Pending;
        public bool Running;
        public Func<Task> Regenerate = () => Task.CompletedTask;
    }

    public Task RefreshAsync(string key, Func<Task> regenerate)
    {
        Slot slot;
        Task wait;
        var start = false;
        lock (slots)
        {
            if (!slots.TryGetValue(key, out slot!)) slots[key] = slot = new Slot();
            slot.Regenerate = regenerate;
            slot.Pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = slot.Pending.Task;
            if (!slot.Running) start = slot.Running = true;
        }

        if (start) _ = Task.Run(() => LoopAsync(slot));
        return wait;
    }

    async Task LoopAsync(Slot slot)
    {
        while (true)
        {
            TaskCompletionSource? round;
            Func<Task> regenerate;
            lock (slots)
            {
                round = slot.Pending;
                slot.Pending = null;
                regenerate = slot.Regenerate;
                if (round is null)
                {
                    slot.Running = false;
                    return;
                }
            }

            try
            {
                await regenerate();
                round.SetResult();
            }
            catch (Exception e)
            {
                round.SetException(e);
            }
        }
    }
}
