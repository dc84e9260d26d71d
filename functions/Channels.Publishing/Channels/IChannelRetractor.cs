using Channels.Publishing.Ledger;

namespace Channels.Publishing.Channels;

/// <summary>
/// Takes a delivered post back off one channel (unpublish the page, delete the article or status) or, where a
/// platform cannot take it back (SMS), sends the correction an admin wrote. Safe to repeat: a post already gone
/// counts as removed. Transient trouble is thrown (the orchestration retries); a refusal is returned.
/// </summary>
public interface IChannelRetractor
{
    string Channel { get; }

    Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct);
}

/// <summary>What a retractor works on: the delivery job (item and ledger row), the reason and an optional SMS correction.</summary>
public sealed record RetractJob(DeliveryJob Delivery, string Reason, string? SmsCorrection);

/// <summary>The channel's state after the retraction, with a note (Chinese) for the history.</summary>
public sealed record RetractStep(string State, string Note)
{
    public static RetractStep Retracted(string note) => new(DeliveryState.Retracted, note);
}
