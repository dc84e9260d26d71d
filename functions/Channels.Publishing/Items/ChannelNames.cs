namespace Channels.Publishing.Items;

/// <summary>
/// The five channel names of the v1 contract (and of the statistics shape). Labels, pacing and everything else a
/// channel declares live in its descriptor (Channels/&lt;Name&gt;/&lt;Name&gt;Channel.cs, read through ChannelCatalog).
/// </summary>
public static class ChannelNames
{
    public const string Website = "website";
    public const string WeChat = "wechat";
    public const string Weibo = "weibo";
    public const string Sms = "sms";
    public const string Bulletin = "bulletin";

    /// <summary>The v1 channels in contract order.</summary>
    public static readonly IReadOnlyList<string> All = [Website, WeChat, Weibo, Sms, Bulletin];
}
