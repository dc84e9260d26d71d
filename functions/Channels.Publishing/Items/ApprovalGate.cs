using System.Globalization;
using System.Text;

namespace Channels.Publishing.Items;

/// <summary>
/// 先审查、后发布: an item goes nowhere without a complete approval record — a reviewer, an approver who is not
/// the author, a passed confidentiality review (保密审查), and an approval time no later than publication.
/// </summary>
public static class ApprovalGate
{
    public static void Check(ValidationProblems p, PublicationItem item, DateTimeOffset now)
    {
        var a = item.Approval;
        if (a is null)
        {
            p.Add("approval", "缺少审批记录：未经审查的信息不得发布（先审查、后发布）");
            return;
        }

        var author = PersonKey(a.Author);
        if (author.Length == 0) p.Add("approval.author", "缺少撰稿人");
        if (PersonKey(a.Reviewer).Length == 0) p.Add("approval.reviewer", "缺少审核人");
        var approver = PersonKey(a.Approver);
        if (approver.Length == 0) p.Add("approval.approver", "缺少签发人");
        else if (string.Equals(approver, author, StringComparison.Ordinal))
            p.Add("approval.approver", "签发人不能是撰稿人本人");

        if (a.ApprovedAt is not { } approvedAt) p.Add("approval.approvedAt", "缺少签发时间");
        else if (approvedAt.Year < 2000) p.Add("approval.approvedAt", "签发时间超出允许范围（2000年以后）");
        else if (approvedAt > now.AddMinutes(5)) p.Add("approval.approvedAt", "签发时间不能晚于当前时间");
        else if (item.PublishAt is { } publishAt && approvedAt > publishAt) p.Add("approval.approvedAt", "签发时间不能晚于发布时间");

        if (a.ConfidentialityReview is not { Passed: true })
            p.Add("approval.confidentialityReview.passed", "未通过保密审查的信息不得发布");
    }

    /// <summary>
    /// A name as a person, for "is it the same person" and "is it there at all": NFKC (fullwidth Ｌｉ = Li), without
    /// whitespace, control and invisible format characters (a zero-width space must not make 李明 someone else),
    /// case-folded. Empty when nothing visible is left.
    /// </summary>
    internal static string PersonKey(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }
}
