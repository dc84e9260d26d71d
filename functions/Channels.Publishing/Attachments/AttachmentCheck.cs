namespace Channels.Publishing.Attachments;

/// <summary>Decides whether an upload is accepted: a name left after sanitising, bytes, a known kind, an extension that agrees.</summary>
public static class AttachmentCheck
{
    /// <summary>The sanitised name and kind, or the refusal in Chinese.</summary>
    public static (string? Name, AttachmentKind? Kind, string? Refusal) Check(ReadOnlySpan<byte> bytes, string? rawName)
    {
        var (name, refusal) = FileNames.Sanitize(rawName);
        if (name is null) return (null, null, refusal);
        if (bytes.IsEmpty) return (null, null, "文件为空（0 字节）");
        var extension = FileNames.Extension(name);
        if (extension.Length == 0) return (null, null, $"文件名缺少扩展名；可上传{AttachmentKind.AcceptedChinese}");
        var sniffed = FileSniffer.Detect(bytes);
        var named = AttachmentKind.ForExtension(extension);
        if (sniffed is null)
        {
            return (null, null, named is null
                ? $"不支持的文件类型（{extension}）；可上传{AttachmentKind.AcceptedChinese}"
                : $"文件内容与扩展名不符：扩展名为{extension}，但内容不是{named.Chinese}（或文件已损坏）");
        }

        if (sniffed.Kinds.FirstOrDefault(k => k.Accepts(extension)) is not { } kind)
        {
            var expected = string.Join("或", sniffed.Kinds.SelectMany(k => k.Extensions));
            return (null, null, $"文件内容与扩展名不符：内容是{sniffed.Description}，扩展名应为{expected}，而不是{extension}");
        }

        return sniffed.Refusal is { } no ? (null, null, no) : (name, kind, null);
    }
}
