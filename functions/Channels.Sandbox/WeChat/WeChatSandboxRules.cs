namespace Channels.Sandbox.WeChat;

/// <summary>One platform rule the WeChat sandbox enforces: what it does and where the rule comes from.</summary>
public sealed record WeChatSandboxRule(string Id, string Api, string Behaviour, string Source);

/// <summary>
/// Every WeChat rule the sandbox models. The conformance suite (tests/Channels.IntegrationTests/WeChatConformanceTests)
/// must hold a scenario for each id — adding a rule here fails the build's tests until the client's handling is shown.
/// </summary>
public static class WeChatSandboxRules
{
    const string DraftAdd = "https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add";
    const string FreepublishGet = "https://developers.weixin.qq.com/doc/service/api/public/api_freepublish_get";
    const string MassGet = "https://developers.weixin.qq.com/doc/service/api/notify/message/api_massmsgget";
    const string StableToken = "https://developers.weixin.qq.com/doc/service/api/base/api_getstableaccesstoken";
    const string Crypt = "https://developers.weixin.qq.com/doc/service/guide/dev/push/encryption";

    public static readonly IReadOnlyList<WeChatSandboxRule> All =
    [
        new("draft.title-limit", "draft/add", "title over 32 characters → 45003 title size out of limit", DraftAdd + " (title 总长度不超过32个字)"),
        new("draft.author-limit", "draft/add", "author over 16 characters → 45110 author size out of limit", DraftAdd + " (author 总长度不超过16个字)"),
        new("draft.digest-limit", "draft/add", "digest over 128 characters → 45004 description size out of limit", DraftAdd + " (digest 总长度不超过128个字)"),
        new("draft.content-limit", "draft/add", "content of 20,000 characters or 1 MB → 45002 content size out of limit",
            DraftAdd + " (content 必须少于2万字符，小于1M)"),
        new("draft.escapes-counted", "draft/add", "a \\uXXXX escape counts as six characters of the limit", DraftAdd + " (注意不要使用Unicode转义格式)"),
        new("upload.dotnet-default-shape", "material/add_material, media/uploadimg",
            "quoted boundary or unquoted name → 41005 media data missing", "chanjarster/weixin-java-tools#125; JeffreySu/WeiXinMPSDK#688; dotnet/corefx#26886"),
        new("upload.filename-star", "material/add_material, media/uploadimg", "filename*= instead of filename=\"x.jpg\" → 40113 unsupported file type",
            "https://developers.weixin.qq.com/doc/service/api/material/permanent/api_addmaterial (media 有filename、filelength、content-type)"),
        new("token.ordinary-mode-same-token", "stable_token", "force_refresh=false answers the same token while valid; force_refresh=true revokes it",
            StableToken),
        new("freepublish.status-2", "freepublish/get", "publish_status 2 原创失败 (planned)", FreepublishGet),
        new("freepublish.status-3", "freepublish/get", "publish_status 3 常规失败 (planned)", FreepublishGet),
        new("freepublish.status-4", "freepublish/get", "publish_status 4 平台审核不通过 (planned)", FreepublishGet),
        new("freepublish.status-5", "freepublish/get", "publish_status 5 after freepublish/delete of every article", FreepublishGet),
        new("freepublish.status-6", "freepublish/get", "publish_status 6 成功后系统封禁 (planned)", FreepublishGet),
        new("mass.async-outcome", "message/mass/sendall, message/mass/get", "sendall only submits; mass/get answers SENDING, then SEND_SUCCESS", MassGet),
        new("mass.failure", "message/mass/get, MASSSENDJOBFINISH", "a planned failure: SEND_FAIL and Status send fail / err(num)", MassGet),
        new("mass.protection", "message/mass/get", "群发保护: SENDING until an administrator confirms; rejected or 30 minutes → SEND_FAIL", MassGet),
        new("push.encrypted", "server URL", "compatible/safe mode: AES-256-CBC Encrypt element and msg_signature", Crypt),
    ];
}
