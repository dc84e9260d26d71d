namespace Channels.Publishing.Attachments;

/// <summary>
/// A kind of file an item may carry (docs/attachments.md): its name in the API, the extensions a file of it may have,
/// the Content-Type it is stored and served with, and its name in Chinese for the editors' messages.
/// </summary>
public sealed record AttachmentKind(string Name, string Chinese, string ContentType, params string[] Extensions)
{
    public static readonly AttachmentKind Pdf = new("pdf", "PDF 文档", "application/pdf", ".pdf");
    public static readonly AttachmentKind Ofd = new("ofd", "OFD 版式文档", "application/ofd", ".ofd");
    public static readonly AttachmentKind Doc = new("doc", "Word 97-2003 文档", "application/msword", ".doc");
    public static readonly AttachmentKind Docx = new("docx", "Word 文档",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly AttachmentKind Xls = new("xls", "Excel 97-2003 工作簿", "application/vnd.ms-excel", ".xls");
    public static readonly AttachmentKind Xlsx = new("xlsx", "Excel 工作簿", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    // Kingsoft's WPS/ET formats have no registered media type: served as bytes, the browser downloads them.
    public static readonly AttachmentKind Wps = new("wps", "WPS 文字文档", "application/octet-stream", ".wps");
    public static readonly AttachmentKind Et = new("et", "WPS 表格文档", "application/octet-stream", ".et");
    public static readonly AttachmentKind Png = new("png", "PNG 图片", "image/png", ".png");
    public static readonly AttachmentKind Jpeg = new("jpeg", "JPEG 图片", "image/jpeg", ".jpg", ".jpeg");
    public static readonly AttachmentKind Gif = new("gif", "GIF 图片", "image/gif", ".gif");

    public static readonly IReadOnlyList<AttachmentKind> All = [Pdf, Ofd, Doc, Docx, Xls, Xlsx, Wps, Et, Png, Jpeg, Gif];

    /// <summary>The accepted kinds as editors read them, for the refusal of anything else.</summary>
    public const string AcceptedChinese = "PDF、OFD、Word（DOC/DOCX）、Excel（XLS/XLSX）、WPS 文字/表格（WPS/ET）及 PNG/JPEG/GIF 图片";

    public static AttachmentKind? Named(string? name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>The kind whose extensions include <paramref name="extension"/> (".PDF" → pdf), or null.</summary>
    public static AttachmentKind? ForExtension(string extension) =>
        All.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    public bool Accepts(string extension) => Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
}
