using System.Text;
using Channels.Publishing.Attachments;

namespace Channels.Tests.Attachments;

public class FileSnifferTests
{
    public static TheoryData<string, string> Accepted() => new()
    {
        { "通知.pdf", "pdf" }, { "公文.ofd", "ofd" }, { "方案.doc", "doc" }, { "方案.wps", "wps" }, { "方案.docx", "docx" },
        { "名单.xls", "xls" }, { "名单.et", "et" }, { "名单.xlsx", "xlsx" }, { "图.png", "png" }, { "图.jpg", "jpeg" }, { "图.JPEG", "jpeg" },
        { "图.gif", "gif" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_RealLookingSample_IsAcceptedAsItsKind(string name, string kind)
    {
        var (stored, detected, refusal) = AttachmentCheck.Check(AttachmentSamples.Of(kind), name);

        Assert.Null(refusal);
        Assert.Equal(name, stored);
        Assert.Equal(kind, detected!.Name);
    }

    [Fact]
    public void Detect_Text_IsNothing() => Assert.Null(FileSniffer.Detect("hello, 这不是PDF"u8));

    [Fact]
    public void Detect_ZipWithoutOfficeParts_IsNothing()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true)) zip.CreateEntry("a.txt");
        Assert.Null(FileSniffer.Detect(buffer.ToArray()));
    }

    [Fact]
    public void Detect_CompoundFileWithoutWordOrExcelStream_IsNothing() =>
        Assert.Null(FileSniffer.Detect(AttachmentSamples.CompoundFile("PowerPoint Document")));

    [Fact]
    public void Detect_TruncatedZip_IsNothingNotAnException() => Assert.Null(FileSniffer.Detect(AttachmentSamples.Docx()[..40]));

    [Theory]
    [InlineData("pdf", "报告.docx", "内容是PDF 文档")]
    [InlineData("docx", "报告.pdf", "扩展名应为.docx")]
    [InlineData("doc", "报告.xls", "扩展名应为.doc或.wps")]
    [InlineData("xls", "名单.doc", "扩展名应为.xls或.et")]
    [InlineData("png", "图.jpg", "内容是PNG 图片")]
    public void Check_ExtensionDisagreesWithContent_IsRefusedSayingBoth(string kind, string name, string expected)
    {
        var (_, _, refusal) = AttachmentCheck.Check(AttachmentSamples.Of(kind), name);

        Assert.NotNull(refusal);
        Assert.StartsWith("文件内容与扩展名不符", refusal, StringComparison.Ordinal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExecutableRenamedPdf_IsRefusedAsMismatch()
    {
        var (_, _, refusal) = AttachmentCheck.Check("MZ\x90\0\x03\0\0\0"u8, "通知.pdf");
        Assert.StartsWith("文件内容与扩展名不符：扩展名为.pdf，但内容不是PDF 文档", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("脚本.exe", "不支持的文件类型（.exe）")]
    [InlineData("无扩展名", "文件名缺少扩展名")]
    public void Check_UnsupportedName_IsRefused(string name, string expected) =>
        Assert.StartsWith(expected, AttachmentCheck.Check(Encoding.ASCII.GetBytes("MZ..."), name).Refusal, StringComparison.Ordinal);

    [Fact]
    public void Check_Empty_IsRefused() => Assert.Equal("文件为空（0 字节）", AttachmentCheck.Check([], "空.pdf").Refusal);

    [Fact]
    public void Check_DocxWithMacros_IsRefused() =>
        Assert.Contains("宏", AttachmentCheck.Check(AttachmentSamples.Docx(macros: true), "宏.docx").Refusal, StringComparison.Ordinal);
}
