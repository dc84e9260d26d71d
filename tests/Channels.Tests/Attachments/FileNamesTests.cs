using Channels.Publishing.Attachments;

namespace Channels.Tests.Attachments;

public class FileNamesTests
{
    [Theory]
    [InlineData("关于征收补偿方案的公告.pdf", "关于征收补偿方案的公告.pdf")]
    [InlineData(@"C:\Users\李明\Desktop\补偿标准表.xlsx", "补偿标准表.xlsx")]
    [InlineData("/home/editor/附件1.docx", "附件1.docx")]
    [InlineData("a<b>c:d\"e|f?g*h#i%j.pdf", "a_b_c_d_e_f_g_h_i_j.pdf")]
    [InlineData("名单\u0000\u0007\u202E\u200B.xls", "名单.xls")]
    [InlineData("  ..通知  公告.. .pdf", "通知 公告.pdf")]
    [InlineData("通知\t\n公告.pdf", "通知 公告.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("nul.tar.pdf", "_nul.tar.pdf")]
    [InlineData("e\u0301cole.pdf", "\u00e9cole.pdf")]
    public void Sanitize_KeepsChineseAndTheLastPartOnly(string raw, string expected) => Assert.Equal(expected, FileNames.Sanitize(raw).Name);

    [Theory]
    [InlineData("../../etc/passwd.pdf", "“..”")]
    [InlineData(@"..\..\web.config.pdf", "“..”")]
    [InlineData("", "缺少文件名")]
    [InlineData("   ", "缺少文件名")]
    [InlineData(".pdf", "只有扩展名")]
    [InlineData("\u0001\u0002.pdf", "只有扩展名")]
    public void Sanitize_NothingSafeLeft_IsRefused(string raw, string expected)
    {
        var (name, refusal) = FileNames.Sanitize(raw);
        Assert.Null(name);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_LongName_IsCutKeepingTheExtension()
    {
        var name = FileNames.Sanitize(new string('长', 300) + ".docx").Name!;
        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith("长.docx", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_DoesNotSplitASurrogatePair()
    {
        var name = FileNames.Sanitize(new string('a', 95) + "😀😀😀.pdf").Name!;
        Assert.True(name.Length <= FileNames.MaxLength);
        Assert.DoesNotContain('\uFFFD', name);
        Assert.False(char.IsHighSurrogate(name[^5]));
    }

    [Fact]
    public void DecodeHeader_UrlEncodedUtf8_IsChinese() =>
        Assert.Equal("补偿 方案.pdf", FileNames.DecodeHeader(Uri.EscapeDataString("补偿 方案.pdf")));
}
