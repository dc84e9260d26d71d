using Channels.Publishing.Items;

namespace Channels.Local.Bench;

/// <summary>Items the benchmark publishes: full five-channel items and emergency items.</summary>
internal static class BenchItems
{
    public static PublicationItem FiveChannels(string run, int i)
    {
        var at = new DateTimeOffset(2019, 6, 1, 9, 0, 0, ChinaTime.Offset).AddMinutes(i);
        return Base($"bench-{run}-p{i:D5}", $"基准测试信息 {run}-{i}", at) with
        {
            Channels = [ChannelNames.Website, ChannelNames.WeChat, ChannelNames.Weibo, ChannelNames.Sms, ChannelNames.Bulletin],
            Sms = new SmsRequest { Audience = ["+8613800000001", "+8613800000002"], Text = "基准测试短信" },
            Bulletin = new BulletinRequest { Boards = ["区政务中心信息公告栏"] },
        };
    }

    public static PublicationItem Emergency(string run, int i, DateTimeOffset now) =>
        Base($"bench-{run}-e{i:D3}", $"突发事件基准测试 {run}-{i}", now) with
        {
            Priority = Priorities.Emergency,
            IncidentAt = now.AddMinutes(-30),
            Columns = ["应急管理"],
            Channels = [ChannelNames.Website, ChannelNames.Weibo, ChannelNames.Sms],
            Sms = new SmsRequest { Audience = ["+8613900000001"], Text = "突发事件提醒" },
        };

    static PublicationItem Base(string id, string title, DateTimeOffset at) => new()
    {
        Id = id, Title = title, Body = $"<p>{title}</p>", Summary = title, Columns = ["政务动态"], Publisher = "区人民政府办公室",
        PublishAt = at,
        Approval = new ApprovalRecord
        {
            Author = "李明", Reviewer = "王芳", Approver = "张伟", ApprovedAt = at.AddMinutes(-5),
            ConfidentialityReview = new ConfidentialityReview { Passed = true },
        },
    };
}
