using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Channels.Sandbox;

/// <summary>
/// Checks a Tencent Cloud API 3.0 TC3-HMAC-SHA256 Authorization header the way the platform does, building the
/// canonical headers from the SignedHeaders list of the request itself. Returns null when valid, else the error code.
/// </summary>
public static class Tc3Verifier
{
    public static string? Verify(HttpRequest request, byte[] body, string secretId, string secretKey, DateTimeOffset now)
    {
        var auth = request.Headers.Authorization.ToString();
        if (!auth.StartsWith("TC3-HMAC-SHA256 ", StringComparison.Ordinal)) return "AuthFailure.SignatureFailure";
        var parts = auth["TC3-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
            return "AuthFailure.SignatureFailure";
        var scopeParts = credential.Split('/');
        if (scopeParts.Length != 4) return "AuthFailure.SignatureFailure";
        if (scopeParts[0] != secretId) return "AuthFailure.SecretIdNotFound";
        if (!long.TryParse(request.Headers["X-TC-Timestamp"], CultureInfo.InvariantCulture, out var timestamp)) return "AuthFailure.SignatureFailure";
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > 300) return "AuthFailure.SignatureExpire";

        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (scopeParts[1] != date || scopeParts[2] != "sms" || scopeParts[3] != "tc3_request") return "AuthFailure.SignatureFailure";
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = name == "host" ? request.Host.Value : name == "content-type" ? request.ContentType : request.Headers[name].ToString();
            canonicalHeaders.Append(name).Append(':').Append((value ?? "").Trim().ToLowerInvariant() is var v && name == "content-type" ? (value ?? "").Trim() : v).Append('\n');
        }

        var canonicalRequest = $"{request.Method}\n/\n\n{canonicalHeaders}\n{signedHeaders}\n{Hex(SHA256.HashData(body))}";
        var stringToSign = $"TC3-HMAC-SHA256\n{timestamp}\n{date}/sms/tc3_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date), "sms"), "tc3_request");
        var expected = Hex(Hmac(key, stringToSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)) ? null : "AuthFailure.SignatureFailure";
    }

    static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
