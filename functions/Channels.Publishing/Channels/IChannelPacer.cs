using Channels.Publishing.Items;

namespace Channels.Publishing.Channels;

/// <summary>
/// A channel whose sends must wait for a platform or policy window (Weibo's hourly posting budget, SMS quiet hours).
/// Called once per item and channel, before the first send, by an activity; the orchestrator then waits on a durable
/// timer until the returned time (null = send now). Must be idempotent: a retried call returns the same time.
/// </summary>
public interface IChannelPacer
{
    string Channel { get; }

    Task<DateTimeOffset?> NotBeforeAsync(PublicationItem item, CancellationToken ct);
}
