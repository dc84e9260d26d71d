using System.Text;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// Which replies to our messages are opt-outs: TD, 退订, T and N — the conventional unsubscribe replies of mainland
/// SMS (the template's "拒收请回复R" style tail names one of them) — alone, in any case, half- or full-width, with
/// surrounding spaces or punctuation. A longer message that merely contains them ("TD是什么") is not one.
/// </summary>
public static class SmsOptOutReplies
{
    static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "TD", "退订", "T", "N" };

    public static bool IsOptOut(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var normal = text.Normalize(NormalizationForm.FormKC).Trim().Trim('。', '.', '!', '！', '"', '“', '”', '\'').Trim().ToUpperInvariant();
        return Keywords.Contains(normal);
    }
}
