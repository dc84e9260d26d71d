using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>
/// Permanent material (material/add_material). A draft's thumb_media_id must name an image or thumb kept here, or
/// be <see cref="DefaultThumb"/>, which is always valid so clients without material upload still work.
/// </summary>
internal sealed class WeChatMaterialStore : IResettable
{
    public const string DefaultThumb = "sandbox-default-thumb";
    const string DefaultThumbUrl = "http://mmbiz.qpic.cn/sandbox/default-thumb.jpg";

    sealed record Material(string MediaId, string Type, string Url);

    readonly Dictionary<string, Material> materials = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public void Add(string mediaId, string type, string url)
    {
        lock (gate)
        {
            materials[mediaId] = new Material(mediaId, type, url);
        }
    }

    /// <summary>The cover URL of a valid thumb_media_id (a permanent image or thumb), else null.</summary>
    public string? ThumbUrlOf(string? mediaId)
    {
        if (mediaId is null) return null;
        if (mediaId == DefaultThumb) return DefaultThumbUrl;
        lock (gate)
        {
            return materials.TryGetValue(mediaId, out var m) && m.Type is "image" or "thumb" ? m.Url : null;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            materials.Clear();
        }
    }
}
