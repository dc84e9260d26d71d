using Channels.Publishing.Attachments;

namespace Channels.Tests.Attachments;

public class AttachmentHtmlTests
{
    static readonly AttachmentInfo Pdf = new("sha256:" + new string('a', 64), "征收补偿方案.pdf", 183_204, "application/pdf", "pdf", new string('a', 64));

    static PublicAttachment Published(string? display = null)
    {
        var name = PublicAttachment.NameOf(Pdf, display);
        var file = new PublicAttachment(Pdf, name, PublicAttachment.PathOf(Pdf.Sha256, name), "");
        return file with { Url = "https://www.example.gov.cn/" + file.Href };
    }

    [Theory]
    [InlineData(null, "征收补偿方案.pdf")]
    [InlineData("补偿方案（修订）", "补偿方案（修订）.pdf")]
    [InlineData("补偿方案.PDF", "补偿方案.PDF")]
    [InlineData("a/b", "b.pdf")]
    public void NameOf_KeepsTheFilesExtension(string? display, string expected) => Assert.Equal(expected, PublicAttachment.NameOf(Pdf, display));

    [Fact]
    public void Website_LinksRelativeToTheItemPage_EscapedWithKindAndSize()
    {
        var html = AttachmentHtml.Website([Published()]);

        Assert.Contains($"href=\"../attachments/aaaaaaaaaaaaaaaa/{Uri.EscapeDataString("征收补偿方案.pdf")}\"", html, StringComparison.Ordinal);
        Assert.Contains(">征收补偿方案.pdf</a> <span class=\"meta\">（PDF 文档，178.9 KB）</span>", html, StringComparison.Ordinal);
        Assert.Equal("", AttachmentHtml.Website([]));
    }

    [Fact]
    public void Website_NameIsEscaped()
    {
        var info = Pdf with { Name = "a&b<c>.pdf" };
        var html = AttachmentHtml.Website([new PublicAttachment(info, "a&b_c_.pdf", "attachments/x/a&b_c_.pdf", "")]);
        Assert.Contains(">a&amp;b_c_.pdf</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WeChat_NamesTheFilesAndPointsToThePage()
    {
        var line = AttachmentHtml.WeChat([Published(), Published("名单")], "https://www.example.gov.cn/items/x.html");
        Assert.Equal("\n<p>附件（共2个）：《征收补偿方案.pdf》、《名单.pdf》。微信文章无法附带文件，请点击文末“阅读原文”，在政府网站本信息页面下载："
            + "https://www.example.gov.cn/items/x.html</p>", line);
    }

    [Fact]
    public void Bulletin_GivesEachAddress() =>
        Assert.Contains($"下载地址：https://www.example.gov.cn/attachments/aaaaaaaaaaaaaaaa/{Uri.EscapeDataString("征收补偿方案.pdf")}",
            AttachmentHtml.Bulletin([Published()]), StringComparison.Ordinal);

    [Theory]
    [InlineData(500, "500 字节")]
    [InlineData(183_204, "178.9 KB")]
    [InlineData(5 * 1024 * 1024, "5 MB")]
    public void Size_AsReadersExpect(long bytes, string expected) => Assert.Equal(expected, PublicAttachment.Size(bytes));
}
