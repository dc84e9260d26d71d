using System.ComponentModel.DataAnnotations;
using Channels.Publishing.Items;

namespace Channels.Publishing.Rules;

/// <summary>The 重大突发事件 publication clock: deadline = incident + DeadlineHours, warning WarnMinutesBefore earlier. Pure.</summary>
public sealed class EmergencyClock
{
    public EmergencyClock()
        : this(new EmergencyOptions())
    {
    }

    /// <param name="channels">The channels' labels and order (null: the five built-in channels).</param>
    public EmergencyClock(EmergencyOptions options, Channels.ChannelCatalog? channels = null)
    {
        this.channels = channels ?? Channels.ChannelCatalog.BuiltIn;
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        Limit = TimeSpan.FromHours(options.DeadlineHours);
        WarnBefore = TimeSpan.FromMinutes(options.WarnMinutesBefore);
        LimitText = $"{options.DeadlineHours}小时时限";
    }

    readonly Channels.ChannelCatalog channels;

    public TimeSpan Limit { get; }

    public TimeSpan WarnBefore { get; }

    string LimitText { get; }

    public DateTimeOffset Deadline(DateTimeOffset incidentAt) => incidentAt + Limit;

    public DateTimeOffset WarningAt(DateTimeOffset incidentAt) => Deadline(incidentAt) - WarnBefore;

    /// <summary>
    /// Each channel's clock (a null delivery time = not delivered yet). Delivery exactly at the deadline is on time;
    /// a delivery time before the incident counts as zero time to publish.
    /// </summary>
    public EmergencyEvaluation Evaluate(DateTimeOffset incidentAt, IReadOnlyDictionary<string, DateTimeOffset?> deliveredAtByChannel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deliveredAtByChannel);
        var deadline = Deadline(incidentAt);
        var warningAt = WarningAt(incidentAt);
        var clocks = deliveredAtByChannel
            .OrderBy(c => channels.Order(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => Clock(c.Key, c.Value, incidentAt, deadline, warningAt, now))
            .ToList();
        var breached = clocks.Any(c => c.Status == EmergencyStatus.Breached);
        var warning = now >= warningAt && now <= deadline && clocks.Any(c => c.Status == EmergencyStatus.Pending);
        return new(incidentAt, deadline, warningAt, clocks, breached, warning, Summary(clocks, deadline, now));
    }

    EmergencyChannelClock Clock(string channel, DateTimeOffset? deliveredAt, DateTimeOffset incidentAt, DateTimeOffset deadline, DateTimeOffset warningAt,
        DateTimeOffset now)
    {
        var name = channels.Label(channel);
        if (deliveredAt is { } at)
        {
            var took = at < incidentAt ? TimeSpan.Zero : at - incidentAt;
            return at <= deadline
                ? new(channel, at, took, EmergencyStatus.OnTime, $"{name}于事件发生后{RuleText.Duration(took)}发布，未超过{LimitText}")
                : new(channel, at, took, EmergencyStatus.Breached,
                    $"{name}于事件发生后{RuleText.Duration(took)}发布，超过{LimitText}{RuleText.Duration(at - deadline)}");
        }

        if (now > deadline)
        {
            return new(channel, null, null, EmergencyStatus.Breached, $"{name}已超过{LimitText}仍未发布（已超出{RuleText.Duration(now - deadline)}）");
        }

        var urge = now >= warningAt ? "，请尽快发布" : "";
        return new(channel, null, null, EmergencyStatus.Pending, $"{name}尚未发布，距{LimitText}还剩{RuleText.Duration(deadline - now)}{urge}");
    }

    string Summary(List<EmergencyChannelClock> clocks, DateTimeOffset deadline, DateTimeOffset now)
    {
        var breached = clocks.Where(c => c.Status == EmergencyStatus.Breached).Select(c => channels.Label(c.Channel)).ToList();
        var pending = clocks.Where(c => c.Status == EmergencyStatus.Pending).Select(c => channels.Label(c.Channel)).ToList();
        if (clocks.Count == 0)
        {
            return "未指定发布渠道";
        }

        if (breached.Count > 0)
        {
            return $"{string.Join("、", breached)}超过{LimitText}（时限{ChinaTime.Format(deadline)}）";
        }

        return pending.Count > 0
            ? $"{string.Join("、", pending)}尚未发布，须在{ChinaTime.Format(deadline)}前发布（还剩{RuleText.Duration(deadline - now)}）"
            : $"所有渠道均在{LimitText}内发布";
    }
}
