using Channels.Publishing.Items;

namespace Channels.Tests.Items;

public class TextRulesTests
{
    static IReadOnlyDictionary<string, string[]> Errors(PublicationItem item) => ItemValidator.Validate(item, SampleItems.Now).Errors;

    // Code units, not strings: the test runner's serialisation would replace a lone surrogate by U+FFFD.
    public static TheoryData<int[]> Forbidden() => new()
    {
        new[] { 0x01 }, new[] { 0x08 }, new[] { 0x0B }, new[] { 0x0C }, new[] { 0x0E }, new[] { 0x1F }, new[] { 0x7F }, new[] { 0x85 }, new[] { 0x9F },
        new[] { 0xFFFE }, new[] { 0xFFFF }, new[] { 0xFDD0 }, new[] { 0xFDEF }, new[] { 0xD800 }, new[] { 0xDFFF }, new[] { 0xD83F, 0xDFFE },
            new[] { 0xDBFF, 0xDFFF },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Title_WithForbiddenCharacter_422NamesTitle(int[] units)
    {
        var bad = new string(units.Select(u => (char)u).ToArray());
        var errors = Errors(SampleItems.Valid() with { Title = "关于防汛" + bad + "的通知" });
        Assert.Contains("U+", Assert.Single(errors["title"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\t"), InlineData("\n"), InlineData("\r\n"), InlineData("\u3000"), InlineData("😀"), InlineData("\uFFFD")]
    public void Title_WithAllowedWhitespaceOrEmoji_IsFine(string ok) =>
        Assert.DoesNotContain("title", Errors(SampleItems.Valid() with { Title = "防汛" + ok + "通知" }).Keys);

    [Fact]
    public void EveryTextField_IsChecked_AndNamedInTheProblem()
    {
        const string vt = "\u000B";
        var v = SampleItems.Valid();
        var item = v with
        {
            Body = "<p>正文" + vt + "</p>", Summary = "摘要" + vt, Publisher = "发布机构" + vt, DocumentNumber = "芙政发〔2017〕1号" + vt,
            Sms = v.Sms! with { Text = "短信" + vt },
            Bulletin = new BulletinRequest { Boards = ["公告栏" + vt] },
            Approval = v.Approval! with { Author = "李明" + vt, Reviewer = "王芳" + vt, Approver = "张伟" + vt },
        };
        var errors = Errors(item);
        foreach (var field in new[] { "body", "summary", "publisher", "documentNumber", "sms.text", "bulletin.boards[0]", "approval.author",
            "approval.reviewer", "approval.approver" })
        {
            Assert.True(errors.ContainsKey(field), $"{field} not named: {string.Join(", ", errors.Keys)}");
        }
    }

    [Fact]
    public void Scrub_RemovesOnlyForbiddenCharacters()
    {
        Assert.Equal("防汛\t通知😀", TextRules.Scrub("防\u000B汛\t通\uFFFE知\uD800😀"));
        Assert.Same("干净的标题", TextRules.Scrub("干净的标题"));
    }
}
