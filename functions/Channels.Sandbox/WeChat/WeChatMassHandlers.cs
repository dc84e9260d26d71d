using System.Globalization;
using System.Text;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// message/mass/sendall for msgtype mpnews (a draft media_id, taken out of the draft box once sent) and text.
/// Errors: 45065 same clientmsgid (with the original msg_id), 45067 clientmsgid over 64 bytes, 45028 no mass-send
/// quota, 40007 unknown media_id, 40008 other msgtypes, 44003 empty text, 40002 missing filter target.
/// </summary>
internal sealed class WeChatMassHandlers(WeChatAuth auth, WeChatDraftStore drafts, WeChatMassStore mass, TimeProvider clock)
{
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<ApiResult> SendAllAsync(ApiCall call)
    {
        var body = await call.ReadJsonObjectAsync();
        var filter = JsonFields.Obj(body, "filter");
        var isToAll = JsonFields.Bool(filter, "is_to_all");
        var tagId = JsonFields.Str(filter, "tag_id");
        var msgType = JsonFields.Str(body, "msgtype");
        var mediaId = JsonFields.Str(JsonFields.Obj(body, "mpnews"), "media_id");
        var text = JsonFields.Str(JsonFields.Obj(body, "text"), "content");
        var clientMsgId = JsonFields.Str(body, "clientmsgid");
        call.Detail["clientmsgid"] = clientMsgId;
        call.Detail["is_to_all"] = isToAll;
        call.Detail["tag_id"] = tagId;
        call.Detail["msgtype"] = msgType;
        call.Detail["media_id"] = mediaId;
        call.Detail["titles"] = drafts.Get(mediaId)?.Titles;
        call.Detail["text"] = text;
        call.Detail["send_ignore_reprint"] = JsonFields.Int(body, "send_ignore_reprint");
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (body is null) return WeChatResults.DataFormatError();
        if (clientMsgId is not null && Encoding.UTF8.GetByteCount(clientMsgId) > 64) return WeChatResults.Error(45067, "clientmsgid size out of limit");
        if (!isToAll && tagId is null) return WeChatResults.Error(40002, "invalid args: filter needs is_to_all or tag_id");
        switch (msgType)
        {
            case "mpnews" when mediaId is null:
                return WeChatResults.InvalidMediaId();
            case "mpnews":
                break;
            case "text" when string.IsNullOrWhiteSpace(text):
                return WeChatResults.Error(44003, "empty news data");
            case "text":
                break;
            default:
                return WeChatResults.Error(40008, "invalid message type");
        }

        // The draft is checked (and taken) only once the send is allowed: a repeat of a sent clientmsgid must still
        // answer 45065 although its draft has left the draft box.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        var result = mass.TrySend(clientMsgId, isToAll, today, () => msgType != "mpnews" || drafts.Take(mediaId) is not null);
        if (result.Kind is MassSendKind.Sent or MassSendKind.Duplicate) call.PlatformId = result.MsgId.ToString(CultureInfo.InvariantCulture);
        return result.Kind switch
        {
            MassSendKind.Sent => WeChatResults.Ok(new { errcode = 0, errmsg = "send job submission success", msg_id = result.MsgId,
                msg_data_id = result.MsgDataId }),
            MassSendKind.Duplicate => WeChatResults.Error(45065, "clientmsgid exist",
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["msg_id"] = result.MsgId, ["msg_data_id"] = result.MsgDataId }),
            MassSendKind.NoQuota => WeChatResults.Error(45028, "has no masssend quota"),
            _ => WeChatResults.InvalidMediaId(),
        };
    }
}
