using System.Text;
using System.Text.Json;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// The length of each article's title, author and digest AS WRITTEN in the request body: a \uXXXX escape counts as six
/// characters. draft/add's field table warns 注意不要使用Unicode转义格式…系统会自动处理编码问题, and developers report
/// 45003 "title size out of limit" for short Chinese titles sent escaped (Python's json.dumps default, .NET's default
/// encoder for emoji) — the platform measures the escaped text. Source:
/// https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add (title/author rows).
/// </summary>
internal static class WeChatRawFields
{
    static readonly string[] Measured = ["title", "author", "digest"];

    /// <summary>Per article (in order): field → characters as written; empty when the body is not readable JSON.</summary>
    public static IReadOnlyList<Dictionary<string, int>> Lengths(byte[] body)
    {
        var result = new List<Dictionary<string, int>>();
        try
        {
            var reader = new Utf8JsonReader(body);
            var inArticles = false;
            string? property = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        inArticles = reader.ValueTextEquals("articles");
                        break;
                    case JsonTokenType.StartObject when inArticles && reader.CurrentDepth == 2:
                        result.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.PropertyName when inArticles && reader.CurrentDepth == 3:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.String when inArticles && reader.CurrentDepth == 3 && property is not null && Measured.Contains(property):
                        result[^1][property] = Encoding.UTF8.GetString(reader.ValueSpan).EnumerateRunes().Count();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return [];
        }

        return result;
    }
}
