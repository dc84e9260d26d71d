using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// material/add_material (type=image|thumb, multipart field "media") and media/uploadimg (images used inside article
/// HTML). Limits per contract reference §1.4: thumb ≤64 KB JPG; image ≤10 MB bmp/png/jpeg/jpg/gif; uploadimg
/// jpg/png &lt;1 MB. Errors: 40004 bad type parameter, 41005 no media, 40005 bad file type, 40009 image too big. The
/// multipart shape itself is checked first by <see cref="WeChatUploadShape"/> (41005/40113 for .NET's default shape).
/// Voice and video material are not emulated (40004).
/// </summary>
internal sealed class WeChatMaterialHandlers(WeChatAuth auth, WeChatMaterialStore store, SandboxIds ids)
{
    const long ThumbMaxBytes = 64 * 1024;
    const long ImageMaxBytes = 10 * 1024 * 1024;
    const long UploadImgMaxBytes = 1024 * 1024;

    public async Task<ApiResult> AddMaterialAsync(ApiCall call)
    {
        var type = call.Query("type");
        var shape = await WeChatUploadShape.InspectAsync(call.Http.Request);
        var file = (await call.ReadFormAsync())?.Files.GetFile("media");
        call.Detail["type"] = type;
        call.Detail["fileName"] = file?.FileName;
        call.Detail["size"] = file?.Length;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (type is not ("image" or "thumb")) return WeChatResults.Error(40004, "invalid media type");
        if (shape is not null) return shape;
        if (file is null) return WeChatResults.Error(41005, "media data missing");
        var format = await ImageFormat.DetectAsync(file, call.Aborted);
        var thumb = type == "thumb";
        if (thumb ? format != ImageFormat.Jpg : format is null) return WeChatResults.Error(40005, "invalid file type");
        if (file.Length > (thumb ? ThumbMaxBytes : ImageMaxBytes)) return WeChatResults.Error(40009, "invalid image size");

        var mediaId = $"sandbox-{type}-{ids.Next("wechat-material"):D6}";
        var url = ImageUrl();
        store.Add(mediaId, type, url);
        call.PlatformId = mediaId;
        return WeChatResults.Ok(thumb ? new { media_id = mediaId } : (object)new { media_id = mediaId, url });
    }

    public async Task<ApiResult> UploadImgAsync(ApiCall call)
    {
        var shape = await WeChatUploadShape.InspectAsync(call.Http.Request);
        var file = (await call.ReadFormAsync())?.Files.GetFile("media");
        call.Detail["fileName"] = file?.FileName;
        call.Detail["size"] = file?.Length;
        if (await call.CheckpointAsync() is { } fault) return fault;
        if (auth.Deny(call) is { } denied) return denied;
        if (shape is not null) return shape;
        if (file is null) return WeChatResults.Error(41005, "media data missing");
        if (await ImageFormat.DetectAsync(file, call.Aborted) is not (ImageFormat.Jpg or ImageFormat.Png))
            return WeChatResults.Error(40005, "invalid file type");
        if (file.Length >= UploadImgMaxBytes) return WeChatResults.Error(40009, "invalid image size");

        var url = ImageUrl();
        call.PlatformId = url;
        return WeChatResults.Ok(new { url });
    }

    string ImageUrl() => $"http://mmbiz.qpic.cn/sandbox/{ids.Next("wechat-image")}.jpg";
}
