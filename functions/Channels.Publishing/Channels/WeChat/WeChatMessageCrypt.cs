using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// 消息加解密 of the server URL in 兼容模式/安全模式, as WeChat's WXBizMsgCrypt samples do it (技术方案,
/// https://developers.weixin.qq.com/doc/service/guide/dev/push/encryption): AESKey = Base64_Decode(EncodingAESKey + "="),
/// 32 bytes; AES-256-CBC with IV = the key's first 16 bytes; the plaintext is 16 random bytes, the message length
/// (4 bytes, network byte order), the message, then the AppID, padded PKCS#7 to a multiple of 32 bytes (padding values
/// 1..32); msg_signature = sha1 of the sorted (Token, timestamp, nonce, Encrypt) concatenated, lowercase hex.
/// </summary>
public static class WeChatMessageCrypt
{
    /// <summary>An EncodingAESKey is 43 characters of [a-zA-Z0-9] that decode (with "=") to 32 bytes.</summary>
    public static bool IsValidKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 } || !encodingAesKey.All(char.IsAsciiLetterOrDigit)) return false;
        try
        {
            return Convert.FromBase64String(encodingAesKey + "=").Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string Signature(string token, string timestamp, string nonce, string encrypt)
    {
        string[] parts = [token, timestamp, nonce, encrypt];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public static bool IsValidSignature(string token, string timestamp, string nonce, string encrypt, string? msgSignature) =>
        msgSignature is { Length: 40 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature(token, timestamp, nonce, encrypt)), Encoding.ASCII.GetBytes(msgSignature.ToLowerInvariant()));

    /// <summary>The message inside <paramref name="encrypt"/>, or null when it does not decrypt, is malformed or names another AppID.</summary>
    public static string? Decrypt(string encodingAesKey, string appId, string encrypt)
    {
        byte[] plain;
        try
        {
            var key = Convert.FromBase64String(encodingAesKey + "=");
            using var aes = Aes.Create();
            aes.Key = key;
            plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }

        if (plain.Length < 20 || plain.Length % 32 != 0) return null;
        int pad = plain[^1];
        if (pad is < 1 or > 32 || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad)) return null;
        var body = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadInt32BigEndian(body.Slice(16, 4));
        if (length < 0 || 20 + length > body.Length) return null;
        var from = Encoding.UTF8.GetString(body[(20 + length)..]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(from), Encoding.UTF8.GetBytes(appId))) return null;
        return Encoding.UTF8.GetString(body.Slice(20, length));
    }

    /// <summary>Encrypts as the platform does (tests and the sandbox's counterpart use it to build pushes).</summary>
    public static string Encrypt(string encodingAesKey, string appId, string message)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var msg = Encoding.UTF8.GetBytes(message);
        var app = Encoding.UTF8.GetBytes(appId);
        var length = 20 + msg.Length + app.Length;
        var pad = 32 - length % 32;
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        app.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
