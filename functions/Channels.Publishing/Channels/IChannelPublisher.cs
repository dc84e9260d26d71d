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

/// <summary>What a publisher works on: the archived item and its ledger row.</summary>
public sealed class DeliveryJob(PublicationItem item, DeliveryEntry entry, Func<CancellationToken, Task> save)
{
    public PublicationItem Item { get; } = item;
    public DeliveryEntry Entry { get; } = entry;

    /// <summary>Persists the ledger row now (record the platform's id right after the call that produced it).</summary>
    public Task SaveAsync(CancellationToken ct) => save(ct);
}

/// <summary>Outcome of one step, with the posts to count when it is a delivery.</summary>
public sealed record ChannelStep(string State, string? Error = null, IReadOnlyList<CountedPost>? Counted = null)
{
    public static ChannelStep Delivered(params CountedPost[] counted) => new(DeliveryState.Delivered, null, counted);
    public static ChannelStep Awaiting() => new(DeliveryState.Accepted);

    /// <summary>Handed to a later batch (the WeChat daily digest), which records the verdict itself.</summary>
    public static ChannelStep QueuedForDigest(string note) => new(DeliveryState.QueuedForDigest, note);
    public static ChannelStep Failed(string reason) => new(DeliveryState.Failed, reason);

    /// <summary>The platform refuses the credentials (expired token, IP not whitelisted): held until an admin fixes them.</summary>
    public static ChannelStep CredentialsExpired(string reason) => new(DeliveryState.CredentialsExpired, reason);
}

/// <summary>A platform error that retrying will not fix (bad content, bad credentials, refused by review).</summary>
public sealed class PermanentChannelException(string message) : Exception(message);
