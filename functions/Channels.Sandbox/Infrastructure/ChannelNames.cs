namespace Channels.Sandbox.Infrastructure;

/// <summary>The emulated channels, as they appear in routes, journals and fault rules.</summary>
internal static class ChannelNames
{
    public const string WeChat = "wechat";
    public const string Weibo = "weibo";
    public const string Sms = "sms";

    public static readonly IReadOnlyList<string> All = [WeChat, Weibo, Sms];

    public static bool IsKnown(string? channel) => channel is WeChat or Weibo or Sms;
}
