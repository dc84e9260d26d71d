using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Channels.Publishing.Items;

/// <summary>SHA-256 over canonical JSON: the identity of "the same content" for idempotent re-posts and for auditors.</summary>
public static class ContentHash
{
    public static string Of(PublicationItem item) => OfText(JsonSerializer.Serialize(item, ChannelsJson.Options));

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
