using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// Turns an item's SMS addressing into the numbers it is sent to, at submission: the members of each named audience
/// (sms.audiences) are added to sms.audience, and every number on the opt-out list (<see cref="SmsOptOutStore"/>) is
/// left out — whether listed directly or through an audience, and whatever an audience's own mark says. That snapshot
/// is what gets archived, so a retry or a recovery round sends to exactly the set resolved when the editor submitted;
/// a number that opts out later is still left out at sending time (<see cref="SmsOptOuts.SendAsync"/>).
/// </summary>
public sealed class SmsAudienceResolver(SmsAudienceStore store, SmsOptOutStore? optOuts = null)
{
    /// <summary>The item with its numbers resolved, or the problems (unknown audience → sms.audiences[i]).</summary>
    public async Task<(PublicationItem? Item, Dictionary<string, string[]>? Errors)> ResolveAsync(PublicationItem item, CancellationToken ct)
    {
        if (item.Sms is null || !item.Channels.Contains(ChannelNames.Sms)) return (item, null);
        var names = item.Sms.Audiences ?? [];
        var errors = new Dictionary<string, string[]>();
        var numbers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in item.Sms.Audience)
        {
            var n = PhoneNumbers.Normalise(a) ?? a;
            if (seen.Add(n)) numbers.Add(n);
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (await store.GetAsync(names[i], ct) is not { } members)
            {
                errors[$"sms.audiences[{i}]"] = [$"没有名为“{names[i]}”的短信受众名单"];
                continue;
            }

            numbers.AddRange(members.Where(m => !m.OptedOut && seen.Add(m.Number)).Select(m => m.Number));
        }

        var opted = optOuts is null ? new HashSet<string>() : await optOuts.OptedOutAmongAsync(numbers, ct);
        var allowed = numbers.Where(n => !opted.Contains(n)).ToList();
        if (errors.Count == 0 && allowed.Count == 0)
        {
            var field = names.Count > 0 ? "sms.audiences" : "sms.audience";
            errors[field] = [names.Count > 0 ? "受众名单中没有可发送的号码（均已退订）" : "接收号码均已退订，没有可发送的号码"];
        }

        if (allowed.Count > ItemValidator.MaxSmsAudience) errors["sms.audiences"] = [$"合计接收号码超过{ItemValidator.MaxSmsAudience}个"];
        if (errors.Count > 0) return (null, errors);
        return opted.Count == 0 && names.Count == 0 ? (item, null) : (item with { Sms = item.Sms with { Audience = allowed } }, null);
    }
}
