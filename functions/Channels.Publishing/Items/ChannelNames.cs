namespace Channels.Publishing.Items;

/// <summary>The five channel names of the v1 contract.</summary>
public static class ChannelNames
{
    public const string Website = "website";
    public const string WeChat = "wechat";
    public const string Weibo = "weibo";
    public const string Sms = "sms";
    public const string Bulletin = "bulletin";

    public static readonly IReadOnlyList<string> All = [Website, WeChat, Weibo, Sms, Bulletin];

    /// <summary>The channel's name as officials read it.</summary>
    public static string Chinese(string channel) => channel switch
    {
        Website => "政府网站",
        WeChat => "微信公众号",
        Weibo => "政务微博",
        Sms => "短信",
        Bulletin => "公开栏/公报",
        _ => channel,
    };

    public static bool IsKnown(string? name) => All.Contains(name, StringComparer.Ordinal);
}
