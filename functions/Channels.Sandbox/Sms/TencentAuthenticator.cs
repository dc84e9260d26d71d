using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Channels.Sandbox.Sms;

/// <summary>
/// Verifies a Tencent Cloud API 3.0 request's Authorization header (contract reference §3.2): canonical headers are
/// built from the request's own SignedHeaders list ("name:value\n", lower-case name, trimmed value as received —
/// content-type as the Content-Type header, host as the Host header), payload hash over the raw body bytes,
/// service "sms", date = UTC date of X-TC-Timestamp, canonical URI "/" (the real host's root) and empty query.
/// </summary>
internal sealed class TencentAuthenticator(SandboxOptions options, TimeProvider clock)
{
    const string Service = "sms";
    const int MaxSkewSeconds = 300;

    /// <summary>Null when the request is authentic, else the platform's error code and message.</summary>
    public (string Code, string Message)? Verify(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || authorization[..space] != Tc3Signature.Algorithm) return InvalidAuthorization();
        var parts = authorization[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature)) return InvalidAuthorization();
        var credentialParts = credential.Split('/');
        if (credentialParts.Length != 4) return InvalidAuthorization();

        if (!long.TryParse(request.Headers["X-TC-Timestamp"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return ("MissingParameter", "The request is missing a required parameter `Timestamp`.");
        if (credentialParts[0] != options.TencentSecretId)
            return ("AuthFailure.SecretIdNotFound", "密钥不存在。请在控制台检查密钥是否已被删除或者禁用，如状态正常，请检查密钥是否填写正确，注意前后不得有空格。");
        if (Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > MaxSkewSeconds)
            return ("AuthFailure.SignatureExpire", "签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。");

        var names = signedHeaders.Split(';').Select(n => n.Trim().ToLowerInvariant()).ToList();
        if (!names.Contains("content-type") || !names.Contains("host")) return SignatureFailure();
        var canonicalHeaders = new StringBuilder();
        foreach (var name in names) canonicalHeaders.Append(name).Append(':').Append(request.Headers[name].ToString().Trim()).Append('\n');

        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var canonicalRequest = Tc3Signature.CanonicalRequest(request.Method, "/", query, canonicalHeaders.ToString(), signedHeaders,
            Tc3Signature.Sha256Hex(body));
        var stringToSign = Tc3Signature.StringToSign(timestamp, Tc3Signature.Scope(date, Service), canonicalRequest);
        var expected = Tc3Signature.Sign(options.TencentSecretKey, date, Service, stringToSign);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : SignatureFailure();
    }

    static (string, string) InvalidAuthorization() =>
        ("AuthFailure.InvalidAuthorization", "请求头部的 Authorization 不符合腾讯云标准。");

    static (string, string) SignatureFailure() =>
        ("AuthFailure.SignatureFailure", "请求签名验证失败，请检查您的签名计算是否正确。");
}
