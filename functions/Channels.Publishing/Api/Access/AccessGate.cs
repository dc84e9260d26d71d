using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api.Access;

/// <summary>
/// Decides the caller's role and refuses what it may not do: no or unknown credentials → 401, too small a role → 403,
/// both as problem+json. Every API handler asks here first; both hosts share it. The Easy Auth principal header counts only
/// when TrustEasyAuthPrincipal is set AND the platform says Easy Auth is on (<see cref="EasyAuthPlatform"/>): without Easy
/// Auth in front, anyone could send the header.
/// </summary>
public sealed class AccessGate(IOptionsMonitor<AccessOptions> options, EasyAuthPlatform? platform = null)
{
    readonly EasyAuthPlatform easyAuth = platform ?? EasyAuthPlatform.FromEnvironment();

    public const string KeyHeader = "x-api-key";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    public ApiRole RoleOf(HttpRequest request)
    {
        var o = options.CurrentValue;
        var role = ApiRole.None;
        if (request.Headers.TryGetValue(KeyHeader, out var key) && key.Count == 1 && !string.IsNullOrEmpty(key[0]))
        {
            role = Max(role, Matches(key[0]!, o.AdminKey) ? ApiRole.Admin
                : Matches(key[0]!, o.EditorKey) ? ApiRole.Editor
                : Matches(key[0]!, o.ReaderKey) ? ApiRole.Reader : ApiRole.None);
        }

        if (o.TrustEasyAuthPrincipal && easyAuth.Enabled && request.Headers.TryGetValue(PrincipalHeader, out var principal))
        {
            role = Max(role, FromPrincipal(principal.ToString()));
        }

        return role;
    }

    /// <summary>True when the caller has at least <paramref name="needed"/>; otherwise writes 401/403 and returns false.</summary>
    public async Task<bool> AllowAsync(HttpContext ctx, ApiRole needed)
    {
        var role = RoleOf(ctx.Request);
        if (role >= needed) return true;
        if (role == ApiRole.None)
        {
            ctx.Response.Headers.WWWAuthenticate = "ApiKey header=\"x-api-key\"";
            await ApiResponses.ProblemAsync(ctx, 401, "未认证", "请在 x-api-key 请求头中提供有效的访问密钥");
        }
        else
        {
            await ApiResponses.ProblemAsync(ctx, 403, "无权执行此操作",
                $"当前身份为“{ApiRoles.Chinese(role)}”，此操作需要“{ApiRoles.Chinese(needed)}”或更高权限");
        }

        return false;
    }

    static ApiRole Max(ApiRole a, ApiRole b) => a > b ? a : b;

    /// <summary>Constant-time comparison of SHA-256 digests, so neither content nor length leaks through timing.</summary>
    static bool Matches(string given, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>Easy Auth's principal: base64 JSON {claims:[{typ, val}]}; app roles arrive as "roles" claims.</summary>
    static ApiRole FromPrincipal(string header)
    {
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(header));
            var role = ApiRole.None;
            if (!doc.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return role;
            foreach (var c in claims.EnumerateArray())
            {
                if (c.TryGetProperty("typ", out var typ) && typ.GetString() is "roles" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
                    && c.TryGetProperty("val", out var val))
                {
                    role = Max(role, val.GetString() switch
                    {
                        "Channels.Admin" => ApiRole.Admin,
                        "Channels.Editor" => ApiRole.Editor,
                        "Channels.Reader" => ApiRole.Reader,
                        _ => ApiRole.None,
                    });
                }
            }

            return role;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return ApiRole.None;
        }
    }
}
