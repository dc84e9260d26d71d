using Microsoft.Extensions.Logging;

namespace Channels.Publishing.Operations;

/// <summary>
/// The events operations alert on, with stable names: the Azure Monitor alert rules in infra/modules/alerts.bicep search
/// Application Insights traces for the message prefix "CHANNELS-ALERT {name}" (the rendered message reaches the traces
/// table whatever the worker does with event ids and structured properties). Renaming one breaks its alert: change both.
/// </summary>
public static partial class OpsEvents
{
    public const string Prefix = "CHANNELS-ALERT";
    public const string ChannelFailed = "ChannelFailed";
    public const string CredentialsHeld = "CredentialsHeld";
    public const string EmergencyClockBreached = "EmergencyClockBreached";
    public const string InstancesPurged = "InstancesPurged";

    /// <summary>A channel gave up on an item for good (the ledger row is failed).</summary>
    [LoggerMessage(EventId = 9001, EventName = ChannelFailed, Level = LogLevel.Error,
        Message = "CHANNELS-ALERT ChannelFailed item={ItemId} channel={Channel}: {Reason}")]
    public static partial void LogChannelFailed(this ILogger logger, string itemId, string channel, string? reason);

    /// <summary>A channel's credentials were refused: deliveries to it are held until an admin renews them and resumes.</summary>
    [LoggerMessage(EventId = 9002, EventName = CredentialsHeld, Level = LogLevel.Error,
        Message = "CHANNELS-ALERT CredentialsHeld item={ItemId} channel={Channel}: {Reason}")]
    public static partial void LogCredentialsHeld(this ILogger logger, string itemId, string channel, string? reason);

    /// <summary>An emergency item passed its publication deadline with channels undelivered.</summary>
    [LoggerMessage(EventId = 9003, EventName = EmergencyClockBreached, Level = LogLevel.Error,
        Message = "CHANNELS-ALERT EmergencyClockBreached item={ItemId} deadline={DeadlineAt:o} waiting={Channels}")]
    public static partial void LogEmergencyClockBreached(this ILogger logger, string itemId, DateTimeOffset deadlineAt, string channels);

    /// <summary>The retention purge removed finished orchestration histories (not an alert: a heartbeat of the purge).</summary>
    [LoggerMessage(EventId = 9010, EventName = InstancesPurged, Level = LogLevel.Information,
        Message = "Purge: {Count} finished orchestration instances created before {Cutoff:o} removed")]
    public static partial void LogInstancesPurged(this ILogger logger, int count, DateTimeOffset cutoff);
}
