namespace Channels.Publishing.Ledger;

/// <summary>
/// State changes of a ledger row that the API and the services ask for by name, so the row's fields are changed in
/// one place beside the ledger (the delivery step's own changes stay in the delivery service).
/// </summary>
public static class DeliveryTransitions
{
    /// <summary>
    /// An admin's retry of a failed or held channel: the next attempt starts from intent (it reconciles with the
    /// platform first), the retry is numbered and noted in the history. False when someone else changed the row meanwhile.
    /// </summary>
    public static async Task<bool> ReopenForRetryAsync(this DeliveryLedger ledger, DeliveryEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(entry);
        entry.Retries++;
        entry.Error = null;
        entry.State = DeliveryState.Intent;
        entry.FinishedAt = null;
        DeliveryHistory.Append(entry, now, $"管理员要求重试（第{entry.Retries}次）：先核对平台记录，已发出的不会重发");
        try
        {
            await ledger.SaveAsync(entry, ct);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
