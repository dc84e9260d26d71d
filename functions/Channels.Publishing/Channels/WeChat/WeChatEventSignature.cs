using System.Security.Cryptography;
using System.Text;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The signature WeChat puts on every push to the account's server URL (contract reference §1.8):
/// lowercase hex SHA1 of token, timestamp and nonce sorted as strings and concatenated.
/// </summary>
public static class WeChatEventSignature
{
    public static string Compute(string token, string timestamp, string nonce)
    {
        string[] parts = [token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>Constant-time comparison with the expected signature (case-insensitive hex).</summary>
    public static bool IsValid(string token, string timestamp, string nonce, string? signature) =>
        signature is { Length: 40 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(token, timestamp, nonce)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}
