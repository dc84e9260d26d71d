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

    public static bool IsKnown(string? name) => All.Contains(name, StringComparer.Ordinal);
}
