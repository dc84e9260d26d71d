using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// How the platform encrypts a push in 兼容模式/安全模式 (消息加解密说明 — 技术方案,
/// https://developers.weixin.qq.com/doc/service/guide/dev/push/encryption and the official WXBizMsgCrypt samples):
/// AESKey = Base64_Decode(EncodingAESKey + "="), 32 bytes; AES-256-CBC, IV = the key's first 16 bytes;
/// plaintext = 16 random bytes + the message length (4 bytes, network order) + the message + the AppID, padded PKCS#7
/// to a multiple of 32 bytes; Encrypt = Base64 of the ciphertext; msg_signature = sha1 of the sorted
/// (Token, timestamp, nonce, Encrypt) concatenated.
/// </summary>
internal static class WeChatPushCrypt
{
    public static string Encrypt(string encodingAesKey, string appId, string message)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var msg = Encoding.UTF8.GetBytes(message);
        var app = Encoding.UTF8.GetBytes(appId);
        var length = 16 + 4 + msg.Length + app.Length;
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

    public static string Sign(params string[] parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }
}
