using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// Turns an item's sms.audiences into numbers at submission: the members of each named audience who have not opted
/// out are added to sms.audience, and that snapshot is what gets archived. A retry or a recovery round therefore
/// sends to exactly the set resolved when the editor submitted, however the audience changes later.
/// </summary>
public sealed class SmsAudienceResolver(SmsAudienceStore store)
{
    /// <summary>The item with its numbers resolved, or the problems (unknown audience → sms.audiences[i]).</summary>
    public async Task<(PublicationItem? Item, Dictionary<string, string[]>? Errors)> ResolveAsync(PublicationItem item, CancellationToken ct)
    {
        if (item.Sms?.Audiences is not { Count: > 0 } names || !item.Channels.Contains(ChannelNames.Sms)) return (item, null);
        var errors = new Dictionary<string, string[]>();
        var numbers = item.Sms.Audience.ToList();
        var seen = item.Sms.Audience.Select(a => PhoneNumbers.Normalise(a) ?? a).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (await store.GetAsync(names[i], ct) is not { } members)
            {
                errors[$"sms.audiences[{i}]"] = [$"没有名为“{names[i]}”的短信受众名单"];
                continue;
            }

            numbers.AddRange(members.Where(m => !m.OptedOut && seen.Add(m.Number)).Select(m => m.Number));
        }

        if (errors.Count == 0 && numbers.Count == 0) errors["sms.audiences"] = ["受众名单中没有可发送的号码（均已退订）"];
        if (numbers.Count > ItemValidator.MaxSmsAudience) errors["sms.audiences"] = [$"合计接收号码超过{ItemValidator.MaxSmsAudience}个"];
        return errors.Count > 0 ? (null, errors) : (item with { Sms = item.Sms with { Audience = numbers } }, null);
    }
}
