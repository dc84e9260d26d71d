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

        if (string.IsNullOrWhiteSpace(a.Author)) p.Add("approval.author", "缺少撰稿人");
        if (string.IsNullOrWhiteSpace(a.Reviewer)) p.Add("approval.reviewer", "缺少审核人");
        if (string.IsNullOrWhiteSpace(a.Approver)) p.Add("approval.approver", "缺少签发人");
        else if (string.Equals(a.Approver.Trim(), a.Author?.Trim(), StringComparison.Ordinal))
            p.Add("approval.approver", "签发人不能是撰稿人本人");

        if (a.ApprovedAt is not { } approvedAt) p.Add("approval.approvedAt", "缺少签发时间");
        else if (approvedAt > now.AddMinutes(5)) p.Add("approval.approvedAt", "签发时间不能晚于当前时间");
        else if (item.PublishAt is { } publishAt && approvedAt > publishAt) p.Add("approval.approvedAt", "签发时间不能晚于发布时间");

        if (a.ConfidentialityReview is not { Passed: true })
            p.Add("approval.confidentialityReview.passed", "未通过保密审查的信息不得发布");
    }
}
