using System.Text.RegularExpressions;

namespace Channels.Publishing.Channels.Sms;

/// <summary>
/// One approved Tencent SMS body template (正文模板), as configured under Channels:Sms:Templates: its id, its fixed
/// text with variables {1}, {2}… and each variable's maximum length. The length limit is the account's own, shown in
/// the console when the template is created (tencentcloud-sdk-go sms/v20210111/errors.go,
/// InvalidParameterValue.TemplateParameterLengthLimit: accounts opened after 2024-01-25 and long-unused ones default
/// to 6 characters per variable).
/// </summary>
public sealed class SmsTemplate
{
    public string Id { get; set; } = "";

    /// <summary>A name for editors (e.g. 信息发布通知).</summary>
    public string? Name { get; set; }

    /// <summary>The approved text without the 【signature】, e.g. "政府信息公开：{1}详情请查阅政府门户网站。"</summary>
    public string Text { get; set; } = "";

    /// <summary>One entry per variable, in order {1}, {2}…</summary>
    public List<SmsTemplateVariable> Variables { get; set; } = [];

    /// <summary>The text split at its variables: fixed parts (one more than the variables) and the variable numbers.</summary>
    public (IReadOnlyList<string> Fixed, IReadOnlyList<int> Numbers) Parts()
    {
        var fixedParts = new List<string>();
        var numbers = new List<int>();
        var last = 0;
        foreach (Match m in SmsTemplateText.Variable().Matches(Text))
        {
            fixedParts.Add(Text[last..m.Index]);
            numbers.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            last = m.Index + m.Length;
        }

        fixedParts.Add(Text[last..]);
        return (fixedParts, numbers);
    }

    public int VariableCount => SmsTemplateText.Variable().Matches(Text).Count;

    public int MaxLength(int index) => index < Variables.Count ? Variables[index].MaxLength : SmsTemplateText.DefaultVariableLimit;
}

public sealed class SmsTemplateVariable
{
    /// <summary>What the variable holds, for editors (e.g. 发布单位).</summary>
    public string? Name { get; set; }

    /// <summary>Maximum characters of this variable's value, as the console shows for the account.</summary>
    public int MaxLength { get; set; } = SmsTemplateText.DefaultVariableLimit;
}

/// <summary>Shared text rules of Tencent SMS templates.</summary>
public static partial class SmsTemplateText
{
    /// <summary>tencentcloud-sdk-go sms/v20210111/errors.go, TemplateParameterLengthLimit: 6 characters for new accounts.</summary>
    public const int DefaultVariableLimit = 6;

    /// <summary>Signature + content + variable values ≤ 500 characters (Tencent 正文模板审核标准, cloud.tencent.com/document/product/382/39023).</summary>
    public const int MaxTotalLength = 500;

    /// <summary>Domestic billing: ≤70 characters is one message, a longer one is billed per 67 (cloud.tencent.com/document/product/382/18058).</summary>
    public const int SingleSegment = 70;

    public const int LongSegment = 67;

    [GeneratedRegex(@"\{([1-9][0-9]?)\}")]
    internal static partial Regex Variable();

    // Tencent refuses links in variables (InvalidParameterValue.ProhibitedUseUrlInTemplateParameter; FAQ 382/13301:
    // links only as ICP-filed constants in the template). What it counts as a link is not published: scheme, www. or a
    // host name with a common top-level domain.
    [GeneratedRegex(@"(?i)(https?://|www\.|[a-z0-9-]+\.(com|cn|net|org|gov|edu|top|cc|io|xyz|info|me|vip)\b)")]
    private static partial Regex UrlLike();

    public static bool ContainsUrl(string value) => UrlLike().IsMatch(value);

    /// <summary>Characters as Tencent counts them: every Chinese character, letter, digit, punctuation mark or space is one.</summary>
    public static int Length(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    /// <summary>Billed messages (条) for a text of <paramref name="length"/> characters including its 【signature】.</summary>
    public static int Segments(int length) => length <= SingleSegment ? 1 : (length + LongSegment - 1) / LongSegment;
}
