using Channels.Publishing.Items;

namespace Channels.IntegrationTests;

/// <summary>Approved items with unique ids (the id is in the title too, so sandbox journals can be searched by it).</summary>
internal static class Items
{
    public static PublicationItem Approved(string prefix, DateTimeOffset? publishAt = null)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}";
        var at = publishAt ?? new DateTimeOffset(2017, 5, 10, 9, 0, 0, TimeSpan.FromHours(8));
        return new PublicationItem
        {
            Id = id,
            Title = $"关于做好防汛工作的通知 {id}",
            Body = "<p>各街道：入汛以来降雨偏多，请做好防汛准备。</p><script>alert('x')</script><p onclick=\"steal()\">值班电话：84683088</p>",
            Summary = "请各街道做好防汛准备。",
            Columns = ["通知公告", "应急管理"],
            Publisher = "芙蓉区防汛抗旱指挥部办公室",
            PublishAt = at,
            Channels = ["website", "wechat", "weibo", "sms", "bulletin"],
            WeChat = new WeChatRequest { Title = "关于做好防汛工作的通知" }, // the title with the id is over WeChat's 32 characters
            Sms = new SmsRequest { Audience = ["+8613800000001", "13800000002"], Text = "请做好防汛准备。" },
            Bulletin = new BulletinRequest { Boards = ["区政务中心信息公告栏"] },
            Approval = new ApprovalRecord
            {
                Author = "李明", Reviewer = "王芳", Approver = "张伟", ApprovedAt = at.AddHours(-3),
                ConfidentialityReview = new ConfidentialityReview { Passed = true },
            },
        };
    }
}
