using System.Security.Cryptography;
using System.Text;

namespace Channels.Sandbox.Sms;

/// <summary>TC3-HMAC-SHA256 computations (contract reference §3.2), lowercase hex throughout.</summary>
internal static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>METHOD \n URI \n QUERY \n CANONICAL-HEADERS (each "name:value\n") \n SIGNED-HEADERS \n hex(sha256(payload)).</summary>
    public static string CanonicalRequest(string method, string uri, string query, string canonicalHeaders, string signedHeaders, string payloadHash) =>
        $"{method}\n{uri}\n{query}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";

    public static string Scope(string date, string service) => $"{date}/{service}/tc3_request";

    public static string StringToSign(long timestamp, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{timestamp}\n{scope}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>kDate = HMAC("TC3"+key, date); kService = HMAC(kDate, service); kSigning = HMAC(kService, "tc3_request").</summary>
    public static string Sign(string secretKey, string date, string service, string stringToSign)
    {
        var kDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var kService = Hmac(kDate, service);
        var kSigning = Hmac(kService, "tc3_request");
        return Convert.ToHexStringLower(Hmac(kSigning, stringToSign));
    }

    static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
}
