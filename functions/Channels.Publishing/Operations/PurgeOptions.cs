namespace Channels.Publishing.Operations;

/// <summary>
/// Retention of finished Durable orchestration histories (Channels:Purge). The ledger, the archive and the statistics
/// keep everything for good; only the engine's own history (Azure Storage tables and blobs of the task hub) is removed
/// once an instance has completed, failed or been terminated and was created more than RetentionDays ago.
/// </summary>
public sealed class PurgeOptions
{
    public const string SectionName = "Channels:Purge";

    /// <summary>Days a finished instance's history is kept (the proof page and Durable monitor read it meanwhile). 0 = never purge.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the local host purges (the Function App's clock is the PurgeCron app setting).</summary>
    public int IntervalMinutes { get; set; } = 60;
}
