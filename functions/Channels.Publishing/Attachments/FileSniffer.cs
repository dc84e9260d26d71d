using System.IO.Compression;
using System.Text;

namespace Channels.Publishing.Attachments;

/// <summary>
/// Tells what a file is from its bytes, never from its name: the magic number of PDF (%PDF-), PNG, JPEG (FF D8 FF) and GIF
/// (GIF87a/GIF89a); a ZIP package (PK\3\4) by its entries — OFD.xml at the root is an OFD document (GB/T 33190-2016 §7.1),
/// [Content_Types].xml with word/ or xl/ parts is DOCX or XLSX (ECMA-376 Part 2, Open Packaging Conventions); an OLE2
/// compound file (D0 CF 11 E0 A1 B1 1A E1, [MS-CFB] §2.2) by its directory — a "WordDocument" stream is a Word 97-2003
/// or WPS 文字 document ([MS-DOC] §2.1.1), a "Workbook" or "Book" stream an Excel or WPS 表格 workbook ([MS-XLS] §2.1.2).
/// Only names are read from a package, nothing is inflated, so a ZIP bomb costs nothing here.
/// </summary>
public static class FileSniffer
{
    /// <summary>What the bytes are: a kind, or a family whose member the extension picks (OLE2 Word: doc or wps).</summary>
    public sealed record Sniffed(string Description, IReadOnlyList<AttachmentKind> Kinds, string? Refusal = null);

    static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The kinds the bytes may be, or null when they are none of the accepted kinds.</summary>
    public static Sniffed? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8)) return One(AttachmentKind.Pdf);
        if (bytes.StartsWith(Png)) return One(AttachmentKind.Png);
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return One(AttachmentKind.Jpeg);
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return One(AttachmentKind.Gif);
        if (bytes.StartsWith(Ole2)) return CompoundFile(bytes);
        if (bytes.StartsWith(Zip)) return Package(bytes.ToArray());
        return null;
    }

    static Sniffed One(AttachmentKind kind) => new(kind.Chinese, [kind]);

    /// <summary>An OLE2 file: which streams its directory names. Entries are 128 bytes, name first (UTF-16LE, 64 bytes), its byte length at +64.</summary>
    static Sniffed? CompoundFile(ReadOnlySpan<byte> bytes)
    {
        if (HasStream(bytes, "WordDocument")) return new("Word/WPS 文字文档（OLE2 复合文档）", [AttachmentKind.Doc, AttachmentKind.Wps]);
        if (HasStream(bytes, "Workbook") || HasStream(bytes, "Book")) return new("Excel/WPS 表格文档（OLE2 复合文档）", [AttachmentKind.Xls, AttachmentKind.Et]);
        return null;
    }

    static bool HasStream(ReadOnlySpan<byte> bytes, string name)
    {
        var pattern = Encoding.Unicode.GetBytes(name + "\0");
        // Directory sectors start after the 512-byte header at multiples of the sector size (512 or 4096), so every entry is 128-aligned.
        for (var at = 512; at + 128 <= bytes.Length; at += 128)
        {
            var entry = bytes.Slice(at, 128);
            if (entry.StartsWith(pattern) && BitConverter.ToUInt16(entry.Slice(64, 2)) == pattern.Length && entry[66] == 2) return true;
        }

        return false;
    }

    static Sniffed? Package(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("OFD.xml", StringComparer.Ordinal)) return One(AttachmentKind.Ofd);
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal)) return null;
            var macros = names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));
            var kind = names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? AttachmentKind.Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? AttachmentKind.Xlsx : null;
            if (kind is null) return null;
            return macros ? new(kind.Chinese, [kind], "文件含有宏（VBA），不予接受；请另存为不含宏的文档或 PDF 后上传") : One(kind);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
