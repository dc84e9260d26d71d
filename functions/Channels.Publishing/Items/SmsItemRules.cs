using Channels.Publishing.Channels.Sms;

namespace Channels.Publishing.Items;

/// <summary>
/// The SMS template rules at submission: the item's SMS must be sendable with a configured template (named by
/// sms.template with sms.params, or a v1 sms.text the default notice template carries) within Tencent's limits —
/// otherwise 422 naming the field, with the message as it would be sent.
/// </summary>
public static class SmsItemRules
{
    public static void Check(ValidationProblems p, SmsRequest sms)
    {
        var (_, problems) = SmsTemplateCatalog.Current.Resolve(sms);
        foreach (var problem in problems) p.Add(problem.Field, problem.Message);
    }
}
