using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Channels.Publishing.Channels.Sms;

/// <summary>Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256 (contract reference §3.2).</summary>
public static class Tc3Signer
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The Authorization header for a POST of <paramref name="payload"/> to <paramref name="host"/> at <paramref name="timestamp"/>.</summary>
    public static string Authorization(string secretId, string secretKey, string service, string host, long timestamp, string payload)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string signedHeaders = "content-type;host";
        var canonicalRequest = $"POST\n/\n\ncontent-type:{ContentType}\nhost:{host}\n\n{signedHeaders}\n{Sha256Hex(payload)}";
        var scope = $"{date}/{service}/tc3_request";
        var stringToSign = $"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{Sha256Hex(canonicalRequest)}";
        var kDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var kService = Hmac(kDate, service);
        var kSigning = Hmac(kService, "tc3_request");
        var signature = Convert.ToHexStringLower(Hmac(kSigning, stringToSign));
        return $"TC3-HMAC-SHA256 Credential={secretId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    static string Sha256Hex(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
}
