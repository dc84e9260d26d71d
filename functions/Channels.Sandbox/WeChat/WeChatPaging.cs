using System.Text.Json.Nodes;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>The {offset, count 1..20, no_content} body of draft/batchget and freepublish/batchget.</summary>
internal sealed record WeChatPaging(int Offset, int Count, bool NoContent)
{
    public static WeChatPaging Read(JsonObject? body) =>
        new(JsonFields.Int(body, "offset"), JsonFields.Int(body, "count"), JsonFields.Bool(body, "no_content"));

    /// <summary>Offset must be ≥ 0 and count 1..20, else 40002 (our choice of code for a bad page request).</summary>
    public bool IsValid => Offset >= 0 && Count is >= 1 and <= 20;

    public void Describe(Dictionary<string, object?> detail)
    {
        detail["offset"] = Offset;
        detail["count"] = Count;
        detail["no_content"] = NoContent;
    }
}
