using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Api.Limits;

/// <summary>
/// Request rate limits of the API and the site (section Channels:RateLimit), per client IP and role: one token bucket
/// for reads (GET/HEAD) and one for everything else. A bucket holds up to its burst and refills at its rate.
/// <para>
/// Loopback is exempt by default: the local host listens on 127.0.0.1 unless told otherwise, and its loopback callers
/// are the operator's own tools — replay (~11k items in a few minutes), bench, demo, the tests and a dashboard in a
/// local browser. The limits bite once the host is bound to an address other machines reach. Behind a reverse proxy
/// on the same machine every request comes from loopback: set ExemptLoopback=false there (all clients then share the
/// proxy's bucket, as forwarded headers are not trusted).
/// </para>
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Channels:RateLimit";

    public bool Enabled { get; set; } = true;

    public bool ExemptLoopback { get; set; } = true;

    /// <summary>Sustained submissions, retries and retractions per minute: two a second, far above any editor's pace.</summary>
    [Range(1, 1_000_000)] public int WritePermitsPerMinute { get; set; } = 120;

    [Range(1, 1_000_000)] public int WriteBurst { get; set; } = 60;

    /// <summary>Sustained reads per minute: a dashboard polling every few seconds and people browsing the site stay far below.</summary>
    [Range(1, 1_000_000)] public int ReadPermitsPerMinute { get; set; } = 1200;

    [Range(1, 1_000_000)] public int ReadBurst { get; set; } = 300;
}
