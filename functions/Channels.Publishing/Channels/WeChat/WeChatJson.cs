using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// Request bodies for WeChat as raw UTF-8. draft/add's field table warns 注意不要使用Unicode转义格式 — the platform measures
/// (and shows) a \uXXXX escape as six characters, so an escaped title is refused with 45003 although it is short
/// (https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add). System.Text.Json's relaxed
/// encoder still escapes characters outside the BMP (emoji) as surrogate pairs; they are written back as UTF-8 here.
/// </summary>
public static partial class WeChatJson
{
    public static StringContent Content<T>(T body) => new(Serialize(body), Encoding.UTF8, "application/json");

    public static string Serialize<T>(T body) =>
        SurrogatePair().Replace(JsonSerializer.Serialize(body, ChannelsJson.Options), m =>
            char.ConvertFromUtf32(char.ConvertToUtf32(
                (char)Convert.ToInt32(m.Groups[1].Value, 16), (char)Convert.ToInt32(m.Groups[2].Value, 16))));

    // A high surrogate escape followed by a low surrogate escape, not itself preceded by an escaping backslash.
    [GeneratedRegex(@"(?<!\\)\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})", RegexOptions.IgnoreCase)]
    private static partial Regex SurrogatePair();
}
