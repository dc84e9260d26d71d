namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// What a final publish_status means (freepublish/get and the PUBLISHJOBFINISH push alike), as a named state and a
/// reason an editor reads. Source: 发布状态查询 (https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_get):
/// 0 成功, 1 发布中, 2 原创失败, 3 常规失败, 4 平台审核不通过, 5 成功后用户删除所有文章, 6 成功后系统封禁所有文章.
/// Only 0 counts: 5 and 6 were live once but are not any more, so they end failed with the reason saying so.
/// </summary>
public sealed record WeChatPublishVerdict(int Status, string Name, string Reason)
{
    public bool Published => Status == 0;

    public static WeChatPublishVerdict Of(int status) => status switch
    {
        0 => new(0, "published", "发布成功"),
        2 => new(2, "originality-failed", "微信发布失败（原创失败，publish_status 2）：原创声明校验未通过，文章未发出；请核对原创声明或转载授权后以新编号重新提交"),
        3 => new(3, "publish-failed", "微信发布失败（常规失败，publish_status 3）：平台未说明原因，文章未发出；请在公众号后台查看草稿后重新提交"),
        4 => new(4, "review-rejected", "微信发布失败（平台审核不通过，publish_status 4）：文章未发出；请按平台规范修改后以新编号重新提交"),
        5 => new(5, "deleted-after-publish", "微信文章发布成功后已被删除（成功后用户删除所有文章，publish_status 5）：文章已不可见，不计入发布数；如非本单位操作请立即核查"),
        6 => new(6, "banned-after-publish", "微信文章发布成功后被平台封禁（成功后系统封禁所有文章，publish_status 6）：文章已不可见，不计入发布数；请在公众号后台查看通知"),
        _ => new(status, "unknown-status", $"微信发布状态未知（publish_status {status}），未计入发布数；请在公众号后台核实"),
    };
}
