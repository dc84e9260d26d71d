using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The one-file multipart body WeChat's upload endpoints (material/add_material, media/uploadimg) take, written by hand:
///   Content-Type: multipart/form-data; boundary=BOUNDARY            (unquoted)
///   --BOUNDARY
///   Content-Disposition: form-data; name="media"; filename="x.jpg"  (both quoted, no filename*=)
///   Content-Type: image/jpeg
/// .NET's MultipartFormDataContent instead quotes the boundary, leaves name unquoted and adds filename*=utf-8''…
/// (dotnet/corefx#26886). Developers report WeChat answering that shape with 41005 "media data missing"
/// (chanjarster/weixin-java-tools#125, baoshan/wx#6) and Senparc.Weixin writes the boundary unquoted by hand for this
/// reason (JeffreySu/WeiXinMPSDK#688, RequestUtility: "multipart/form-data; boundary={0}"). The documented form is
/// form-data 中媒体文件标识，有filename、filelength、content-type等信息
/// (https://developers.weixin.qq.com/doc/service/api/material/permanent/api_addmaterial).
/// </summary>
public static class WeChatMultipart
{
    public static HttpContent File(byte[] bytes, string fileName, string contentType)
    {
        if (fileName.Any(c => c is '"' or '\\' or '\r' or '\n' || c > 0x7E || c < 0x20))
            throw new ArgumentException("file name must be plain ASCII", nameof(fileName));
        var boundary = "----ChannelsBoundary" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var head = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var body = new byte[head.Length + bytes.Length + tail.Length];
        head.CopyTo(body, 0);
        bytes.CopyTo(body, head.Length);
        tail.CopyTo(body, head.Length + bytes.Length);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }
}
