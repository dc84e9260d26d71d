using System.Globalization;

namespace Channels.Sandbox.Weibo;

/// <summary>The status object statuses/share and statuses/destroy answer with (contract reference §2.2).</summary>
internal static class WeiboStatusJson
{
    const long UserId = 5_001_234_567;
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static Dictionary<string, object?> Of(WeiboPost post)
    {
        var status = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["created_at"] = post.CreatedAt.ToOffset(ChinaOffset).ToString("ddd MMM dd HH:mm:ss '+0800' yyyy", CultureInfo.InvariantCulture),
            ["id"] = post.Id,
            ["idstr"] = post.IdStr,
            ["mid"] = post.IdStr,
            ["text"] = post.Text,
            ["source"] = "<a href=\"http://app.weibo.com/t/feed/sandbox\" rel=\"nofollow\">Channels Sandbox</a>",
            ["favorited"] = false,
            ["truncated"] = false,
            ["reposts_count"] = 0,
            ["comments_count"] = 0,
            ["attitudes_count"] = 0,
            ["user"] = new { id = UserId, idstr = UserId.ToString(CultureInfo.InvariantCulture), screen_name = "政务发布（沙箱）" },
        };
        if (post.HasPic)
        {
            status["thumbnail_pic"] = $"http://wx1.sinaimg.cn/thumbnail/sandbox{post.IdStr}.jpg";
            status["bmiddle_pic"] = $"http://wx1.sinaimg.cn/bmiddle/sandbox{post.IdStr}.jpg";
            status["original_pic"] = $"http://wx1.sinaimg.cn/large/sandbox{post.IdStr}.jpg";
        }

        return status;
    }
}
