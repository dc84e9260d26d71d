namespace Channels.Publishing.Rules;

/// <summary>
/// When a piece of information actually went public, for the rules that judge timeliness (the 20-working-day
/// deadline, column and account freshness). An editor's publishAt is a claim; what counts is when a channel delivered
/// it. Only an import (<see cref="Items.ImportRule"/>, admin-only and marked as such) is taken at its stated time,
/// because its channels' delivery times are those of the replay, not of the original publication.
/// </summary>
public static class PublicTime
{
    /// <param name="imported">The record is a historical import.</param>
    /// <param name="claimed">The item's publishAt.</param>
    /// <param name="delivered">The first delivery on any channel (null while nothing has been delivered).</param>
    /// <param name="now">Now: an item not yet public is at best public now (or at its later scheduled time).</param>
    public static DateTimeOffset Of(bool imported, DateTimeOffset claimed, DateTimeOffset? delivered, DateTimeOffset now) =>
        imported ? claimed : delivered ?? (claimed > now ? claimed : now);

    /// <summary>When one channel went public: its delivery time, or the claimed time for an import; null if not delivered.</summary>
    public static DateTimeOffset? OfChannel(bool imported, DateTimeOffset claimed, DateTimeOffset? delivered) =>
        delivered is null ? null : imported ? claimed : delivered;
}
