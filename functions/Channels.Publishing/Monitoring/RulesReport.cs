namespace Channels.Publishing.Monitoring;

/// <summary>
/// GET /api/rules/{year}: how the office kept the rules it lives by in a year — emergencies against the 5-hour clock,
/// proactive disclosure against the 20-working-day deadline, policy interpretations against the configured rule —
/// plus, as of now, column and account freshness and the open emergency alerts. Messages are Chinese.
/// </summary>
public sealed record RulesReport(
    int Year, DateTimeOffset GeneratedAt, EmergencySummary Emergencies, DisclosureSummary Disclosure,
    InterpretationSummary Interpretations, IReadOnlyList<FreshnessView> Freshness, IReadOnlyList<AlertView> Alerts);

/// <summary>Per channel: how many emergency posts went out, and median / longest time from the incident, in minutes.</summary>
public sealed record EmergencyChannelSummary(string Channel, int Published, double? MedianMinutes, double? MaxMinutes, int Breaches);

public sealed record EmergencyItemView(string Id, string Title, DateTimeOffset IncidentAt, DateTimeOffset Deadline, bool Breached, string Summary);

public sealed record EmergencySummary(int Items, int Breaches, IReadOnlyList<EmergencyChannelSummary> Channels, IReadOnlyList<EmergencyItemView> List);

public sealed record DisclosureItemView(string Id, string Title, DateTimeOffset FormedAt, DateTimeOffset PublishAt, string DueDate, int WorkingDaysTaken,
    string Reason);

/// <summary>Items carrying formedAt, how many went out after the 20th working day, and those late ones.</summary>
public sealed record DisclosureSummary(int WithFormedAt, int Late, IReadOnlyList<DisclosureItemView> LateList);

public sealed record InterpretationView(string PolicyId, string PolicyTitle, IReadOnlyList<string> Interpretations, string Status, string DueDate,
    string Reason);

/// <summary>Policy documents (items with documentCategory) and their interpretations under the configured rule.</summary>
public sealed record InterpretationSummary(string Rule, int Policies, int OnTime, int Late, int Overdue, int Pending, IReadOnlyList<InterpretationView> List);

/// <summary>kind: news | notice | account; status: ok | warning | stale.</summary>
public sealed record FreshnessView(string Name, string Kind, DateTimeOffset? LastPublishedAt, int? IdleDays, int LimitDays, string Status, string Message);

/// <summary>An escalation of the emergency clock (kind: warning | breach).</summary>
public sealed record AlertView(string ItemId, string Title, string Kind, DateTimeOffset At, string Message);
