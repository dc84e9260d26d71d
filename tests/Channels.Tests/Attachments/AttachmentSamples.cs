using System.IO.Compression;
using System.Text;

namespace Channels.Tests.Attachments;

/// <summary>
/// Small files of each accepted kind, built byte by byte the way their formats begin (shared with the integration tests).
/// <paramref name="salt"/> makes the bytes unique, so each test has its own content hash.
/// </summary>
public static class AttachmentSamples
{
    /// <summary>A sample of the kind named as the API names it (pdf, ofd, doc, wps, docx, xls, et, xlsx, png, jpeg, gif).</summary>
    public static byte[] Of(string kind, string salt = "") => kind switch
    {
        "pdf" => Pdf(salt),
        "ofd" => Ofd(salt),
        "doc" or "wps" => Doc(salt),
        "docx" => Docx(salt),
        "xls" or "et" => Xls(salt),
        "xlsx" => Xlsx(salt),
        "png" => Png(salt),
        "jpeg" => Jpeg(salt),
        "gif" => Gif(salt),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static byte[] Pdf(string salt = "") =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n% {Hex(salt)}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png(string salt = "") =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE,
            .. Tail(salt), 0, 0, 0, 0, .. "IEND"u8, 0xAE, 0x42, 0x60, 0x82];

    public static byte[] Jpeg(string salt = "") =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, .. Tail(salt), 0xFF, 0xD9];

    public static byte[] Gif(string salt = "") =>
        [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, .. Tail(salt), 0x3B];

    public static byte[] Ofd(string salt = "") => Zip(salt,
        ("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\">"
            + "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        ("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));

    public static byte[] Docx(string salt = "", bool macros = false) => Zip(salt,
        [("[Content_Types].xml", ContentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
            ("_rels/.rels", Rels("word/document.xml")),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>"),
            .. macros ? new[] { ("word/vbaProject.bin", "macro") } : []]);

    public static byte[] Xlsx(string salt = "") => Zip(salt,
        ("[Content_Types].xml", ContentTypes("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
        ("_rels/.rels", Rels("xl/workbook.xml")),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"));

    /// <summary>A Word 97-2003 / WPS 文字 compound file: its directory names a WordDocument stream.</summary>
    public static byte[] Doc(string salt = "") => CompoundFile("WordDocument", salt);

    /// <summary>An Excel 97-2003 / WPS 表格 compound file: its directory names a Workbook stream.</summary>
    public static byte[] Xls(string salt = "") => CompoundFile("Workbook", salt);

    /// <summary>[MS-CFB] version 3: a 512-byte header, then sector 0 holding the directory (Root Entry and one stream).</summary>
    public static byte[] CompoundFile(string stream, string salt = "")
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        BitConverter.GetBytes((ushort)0x3E).CopyTo(file, 24);
        BitConverter.GetBytes((ushort)3).CopyTo(file, 26);
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(file, 28);
        BitConverter.GetBytes((ushort)9).CopyTo(file, 30);
        BitConverter.GetBytes((ushort)6).CopyTo(file, 32);
        BitConverter.GetBytes(1).CopyTo(file, 44); // one FAT sector
        BitConverter.GetBytes(0).CopyTo(file, 48); // the directory starts at sector 0
        Entry(file, 512, "Root Entry", 5);
        Entry(file, 640, stream, 2);
        var tail = Encoding.UTF8.GetBytes(Hex(salt));
        tail.CopyTo(file, 1024 + 16);
        return file;
    }

    static void Entry(byte[] file, int at, string name, byte type)
    {
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(file, at);
        BitConverter.GetBytes((ushort)bytes.Length).CopyTo(file, at + 64);
        file[at + 66] = type;
    }

    static byte[] Zip(string salt, params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries.Append(("docProps/custom.txt", Hex(salt))))
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
        }

        return buffer.ToArray();
    }

    static string ContentTypes(string part, string type) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + $"<Override PartName=\"/{part}\" ContentType=\"{type}\"/></Types>";

    static string Rels(string part) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{part}\"/>"
        + "</Relationships>";

    static byte[] Tail(string salt) => Encoding.ASCII.GetBytes(Hex(salt));

    static string Hex(string salt) => Convert.ToHexString(Encoding.UTF8.GetBytes(salt));
}
