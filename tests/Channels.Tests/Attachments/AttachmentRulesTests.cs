using System.Text.Json;
using Channels.Publishing.Attachments;
using Channels.Publishing.Items;

namespace Channels.Tests.Attachments;

public class AttachmentRulesTests
{
    static AttachmentRef Ref(int n, string? name = null) =>
        new() { Id = "sha256:" + n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), Name = name };

    static IReadOnlyDictionary<string, string[]> Errors(PublicationItem item) => ItemValidator.Validate(item, SampleItems.Now).Errors;

    [Fact]
    public void Valid_WithAttachments_NoProblem() =>
        Assert.Empty(Errors(SampleItems.Valid() with { Attachments = [Ref(1), Ref(2, "补偿标准表")] }));

    [Fact]
    public void MoreThanTwenty_IsAProblemAtAttachments()
    {
        var item = SampleItems.Valid() with { Attachments = [.. Enumerable.Range(1, 21).Select(i => Ref(i))] };
        Assert.Contains("附件不能超过20个", Errors(item)["attachments"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutWebsite_IsAProblemAtAttachments()
    {
        var item = SampleItems.Valid() with { Channels = ["weibo"], Attachments = [Ref(1)] };
        Assert.Contains("website", Errors(item)["attachments"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:ABC")]
    [InlineData("report.pdf")]
    [InlineData("")]
    public void MalformedId_IsAProblemAtItsPath(string id) =>
        Assert.True(Errors(SampleItems.Valid() with { Attachments = [Ref(1), new AttachmentRef { Id = id }] }).ContainsKey("attachments[1].id"));

    [Theory]
    [InlineData("名单\u0000")]
    [InlineData("../名单")]
    [InlineData("a<b>")]
    [InlineData("  ")]
    public void BadDisplayName_IsAProblemAtItsPath(string name) =>
        Assert.True(Errors(SampleItems.Valid() with { Attachments = [Ref(1, name)] }).ContainsKey("attachments[0].name"));

    [Fact]
    public void ItemWithoutAttachments_HashIsUnchanged()
    {
        // The field is omitted when absent, so the content hash of every item submitted before it existed stays the same.
        var json = JsonSerializer.Serialize(SampleItems.Valid(), ChannelsJson.Options);
        Assert.DoesNotContain("attachments", json, StringComparison.Ordinal);
        Assert.NotEqual(ContentHash.Of(SampleItems.Valid()), ContentHash.Of(SampleItems.Valid() with { Attachments = [Ref(1)] }));
    }
}
