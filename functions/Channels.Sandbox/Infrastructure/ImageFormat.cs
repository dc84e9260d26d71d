namespace Channels.Sandbox.Infrastructure;

/// <summary>Recognises an uploaded image's format by its magic bytes, else by its file name extension.</summary>
internal static class ImageFormat
{
    public const string Jpg = "jpg";
    public const string Png = "png";
    public const string Gif = "gif";
    public const string Bmp = "bmp";

    public static async Task<string?> DetectAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return FromMagic(head.AsSpan(0, read)) ?? FromExtension(file.FileName);
    }

    static string? FromMagic(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => Jpg,
        [0x89, 0x50, 0x4E, 0x47, ..] => Png,
        [0x47, 0x49, 0x46, ..] => Gif,
        [0x42, 0x4D, ..] => Bmp,
        _ => null,
    };

    static string? FromExtension(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => Jpg,
        ".png" => Png,
        ".gif" => Gif,
        ".bmp" => Bmp,
        _ => null,
    };
}
