using Channels.Publishing.Items;
using Channels.Publishing.Ledger;

namespace Channels.Publishing.Channels;

/// <summary>
/// One channel. SendAsync makes the platform calls that are not recorded yet in <see cref="DeliveryJob.Entry"/>
/// (saving each platform id through <see cref="DeliveryJob.SaveAsync"/> right after its call), and CheckAsync asks
/// the platform for a late verdict. Transient platform trouble is thrown (the orchestration retries the activity);
/// a permanent refusal is returned as <see cref="ChannelStep.Failed"/>.
/// </summary>
public interface IChannelPublisher
{
    string Channel { get; }

    Task<ChannelStep> SendAsync(DeliveryJob job, CancellationToken ct);

    Task<ChannelStep> CheckAsync(DeliveryJob job, CancellationToken ct);
}

/// <summary>
/// What a publisher works on: the archived item and its <see cref="Progress"/>. <see cref="Entry"/> (the ledger row
/// itself) is still read and written by the five built-in publishers; a new channel uses <see cref="Progress"/> only.
/// </summary>
public sealed class DeliveryJob(PublicationItem item, DeliveryEntry entry, Func<CancellationToken, Task> save)
{
    public PublicationItem Item { get; } = item;
    public DeliveryEntry Entry { get; } = entry;

    /// <summary>The platform ids and steps recorded so far, and the way to record new ones (the ledger keeps them).</summary>
    public IDeliveryProgress Progress { get; } = new LedgerProgress(entry, save);

    /// <summary>Persists the ledger row now (record the platform's id right after the call that produced it).</summary>
    public Task SaveAsync(CancellationToken ct) => save(ct);
}

/// <summary>
/// Outcome of one step, with the posts to count when it is a delivery. <see cref="Note"/> is what the admin should
/// still read on a delivered row (an earlier call reconciled instead of repeated, numbers the platform refused); a
/// delivery without one clears the row's earlier error.
/// </summary>
public sealed record ChannelStep(string State, string? Error = null, IReadOnlyList<CountedPost>? Counted = null)
{
    public string? Note { get; init; }

    /// <summary>Platform ids the step produced, recorded with its outcome (one ledger write, no separate save).</summary>
    public PlatformRecord? Platform { get; init; }

    public static ChannelStep Delivered(params CountedPost[] counted) => new(DeliveryState.Delivered, null, counted);

    /// <summary>Delivered, with a note kept on the row for the admin.</summary>
    public static ChannelStep DeliveredWithNote(string? note, params CountedPost[] counted) => Delivered(counted) with { Note = note };
    public static ChannelStep Awaiting() => new(DeliveryState.Accepted);

    /// <summary>Handed to a later batch (the WeChat daily digest), which records the verdict itself.</summary>
    public static ChannelStep QueuedForDigest(string note) => new(DeliveryState.QueuedForDigest, note);
    public static ChannelStep Failed(string reason) => new(DeliveryState.Failed, reason);

    /// <summary>The platform refuses the credentials (expired token, IP not whitelisted): held until an admin fixes them.</summary>
    public static ChannelStep CredentialsExpired(string reason) => new(DeliveryState.CredentialsExpired, reason);
}

/// <summary>A platform error that retrying will not fix (bad content, bad credentials, refused by review).</summary>
public sealed class PermanentChannelException(string message) : Exception(message);
