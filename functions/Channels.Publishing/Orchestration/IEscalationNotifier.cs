using Channels.Publishing.Items;

namespace Channels.Publishing.Orchestration;

/// <summary>
/// Tells the duty officers about an emergency escalation. The SMS channel provides it (<see cref="Channels.Sms.SmsDutyNotifier"/>);
/// without one registered, the alert row and the history event are the escalation. Must be safe to repeat: the same
/// <paramref name="kind"/> of the same item is one notice.
/// </summary>
public interface IEscalationNotifier
{
    Task NotifyAsync(PublicationItem item, string kind, IReadOnlyList<string> recipients, string message, CancellationToken ct);
}
