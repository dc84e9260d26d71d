using Channels.Publishing.Items;

namespace Channels.Tests;

/// <summary>A complete, valid item; tests change one thing at a time with `with`.</summary>
internal static class SampleItems
{
    public static readonly DateTimeOffset Now = new(2017, 3, 1, 12, 0, 0, TimeSpan.FromHours(8));

    public static PublicationItem Valid() => new()
    {
        Id = "t-0001",
        Title = "关于开展2017年度安全生产检查的通知",
        Body = "<p>各街道、各部门：现就安全生产检查有关事项通知如下。</p>",
        Summary = "开展2017年度安全生产检查",
        Columns = ["通知公告", "安全生产信息"],
        Publisher = "芙蓉区安全生产监督管理局",
        PublishAt = Now.AddHours(-1),
        Channels = ["website", "wechat", "weibo", "sms", "bulletin"],
        Sms = new SmsRequest { Audience = ["+8613800000001", "13800000002"], Text = "请各单位做好安全生产检查。" },
        Bulletin = new BulletinRequest { Boards = ["区政务中心公告栏"] },
        Approval = new ApprovalRecord
        {
            Author = "李明", Reviewer = "王芳", Approver = "张伟", ApprovedAt = Now.AddHours(-2),
            ConfidentialityReview = new ConfidentialityReview { Passed = true },
        },
    };
}
