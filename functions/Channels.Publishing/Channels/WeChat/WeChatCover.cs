using Azure.Data.Tables;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// The cover (thumb_media_id) every article carries. The configured ThumbMediaId when set; otherwise a default
/// permanent thumb uploaded once with material/add_material?type=thumb and kept in table channelstate
/// (wechat/thumb), so every later article — on any instance — reuses it.
/// </summary>
public sealed class WeChatCover(WeChatClient client, ChannelsStorage storage, IOptions<WeChatOptions> options)
{
    const string Partition = "wechat";
    const string Row = "thumb";
    readonly SemaphoreSlim gate = new(1, 1);
    string? cached;

    /// <summary>
    /// Runs <paramref name="call"/> with the cover's media id; when the platform answers 40007 (the thumb was deleted
    /// from the material library, e.g. in the 公众平台 backend) and the cover is our uploaded default, it is forgotten,
    /// uploaded again and the call made once more.
    /// </summary>
    public async Task<T> WithCoverAsync<T>(Func<string, Task<T>> call, CancellationToken ct)
    {
        var mediaId = await MediaIdAsync(ct);
        try
        {
            return await call(mediaId);
        }
        catch (WeChatApiException e) when (e.ErrCode == 40007 && string.IsNullOrWhiteSpace(options.Value.ThumbMediaId))
        {
            await ForgetAsync(mediaId, ct);
            return await call(await MediaIdAsync(ct));
        }
    }

    async Task ForgetAsync(string mediaId, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (cached == mediaId) cached = null;
            var row = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
            if (row.HasValue && row.Value?.GetString("MediaId") == mediaId) await storage.ChannelState.DeleteEntityAsync(Partition, Row, row.Value.ETag, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<string> MediaIdAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ThumbMediaId)) return options.Value.ThumbMediaId;
        if (cached is not null) return cached;
        await gate.WaitAsync(ct);
        try
        {
            if (cached is not null) return cached;
            var row = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
            if (row.HasValue && row.Value?.GetString("MediaId") is { } known) return cached = known;
            var mediaId = await client.AddThumbAsync(DefaultCoverJpeg.Bytes, "cover.jpg", ct);
            await storage.ChannelState.UpsertEntityAsync(new TableEntity(Partition, Row) { ["MediaId"] = mediaId }, TableUpdateMode.Replace, ct);
            return cached = mediaId;
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>
/// A valid 8×8 grey baseline JPEG built byte by byte (a thumb must be a JPG ≤64 KB): one quantisation table,
/// one-symbol Huffman tables (DC category 0, AC end-of-block) and a single block whose coefficients are all zero.
/// </summary>
public static class DefaultCoverJpeg
{
    public static readonly byte[] Bytes = Build();

    static byte[] Build()
    {
        var b = new List<byte> { 0xFF, 0xD8 };
        b.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        b.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        b.AddRange(Enumerable.Repeat((byte)1, 64));
        b.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]);
        b.AddRange(Huffman(0x00));
        b.AddRange(Huffman(0x10));
        b.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        b.AddRange([0x3F, 0xFF, 0xD9]);
        return b.ToArray();
    }

    /// <summary>A DHT segment with one code of length 1 for symbol 0 (DC: difference 0; AC: end of block).</summary>
    static byte[] Huffman(byte classAndId)
    {
        var segment = new List<byte> { 0xFF, 0xC4, 0x00, 0x14, classAndId, 0x01 };
        segment.AddRange(new byte[15]);
        segment.Add(0x00);
        return segment.ToArray();
    }
}
