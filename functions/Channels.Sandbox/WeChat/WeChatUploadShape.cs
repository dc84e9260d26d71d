using System.Text;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// How WeChat's upload endpoints (material/add_material, media/uploadimg) read a multipart body. Documented: the file
/// is the form-data part named media, 有filename、filelength、content-type等信息
/// (https://developers.weixin.qq.com/doc/service/api/material/permanent/api_addmaterial). Reported by developers (the
/// platform's parser is stricter than RFC 7578): a quoted boundary in the request's Content-Type, or a part whose
/// name is not quoted, leaves the platform without a media part — 41005 "media data missing" (chanjarster/weixin-java-tools#125,
/// baoshan/wx#6; Senparc.Weixin writes the boundary unquoted for this reason, JeffreySu/WeiXinMPSDK#688); a filename*=
/// (RFC 5987) parameter instead of a plain filename="x.jpg" gives a file name without its extension — 40113 "unsupported
/// file type". .NET's MultipartFormDataContent produces all three by default (dotnet/corefx#26886), so the sandbox
/// refuses that default shape as the platform does.
/// </summary>
internal static class WeChatUploadShape
{
    /// <summary>The refusal the body's shape earns, or null; leaves the request body readable again (for ReadFormAsync).</summary>
    public static async Task<ApiResult?> InspectAsync(HttpRequest request)
    {
        var contentType = request.ContentType ?? "";
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        if (!contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null; // 41005 follows: no form
        if (contentType.Contains("boundary=\"", StringComparison.OrdinalIgnoreCase)) return MediaMissing();

        var head = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 4096));
        var disposition = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase));
        if (disposition is null || !disposition.Contains("name=\"media\"", StringComparison.Ordinal)) return MediaMissing();
        if (disposition.Contains("filename*=", StringComparison.OrdinalIgnoreCase) || !disposition.Contains("filename=\"", StringComparison.Ordinal))
            return WeChatResults.Error(40113, "unsupported file type");
        return null;
    }

    static ApiResult MediaMissing() => WeChatResults.Error(41005, "media data missing");
}
