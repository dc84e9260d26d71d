namespace Channels.Publishing.Rules;

public enum FreshnessKind
{
    News,
    Notice,
    Account,
}

/// <summary>Ordered by severity: <see cref="Stale"/> &gt; <see cref="Warning"/> &gt; <see cref="Ok"/>.</summary>
public enum FreshnessStatus
{
    Ok,

    /// <summary>Within <see cref="FreshnessRules.WarningDays"/> days of the limit: update before an inspection fails it.</summary>
    Warning,

    /// <summary>Idle beyond the limit, or never published (空白栏目 / an account with no posts).</summary>
    Stale,
}

/// <summary>
/// One column's or account's update state. <see cref="IdleDays"/> counts China calendar days since the last
/// publication (null when there was none); the limit is exceeded when IdleDays &gt; <see cref="LimitDays"/>.
/// </summary>
public sealed record FreshnessFlag(
    string Name, FreshnessKind Kind, DateTimeOffset? LastPublishedAt, int? IdleDays, int LimitDays, FreshnessStatus Status, string Message);
