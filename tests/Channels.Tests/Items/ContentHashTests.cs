using Channels.Publishing.Items;

namespace Channels.Tests.Items;

public class ContentHashTests
{
    [Fact]
    public void Of_SameContent_SameHash() => Assert.Equal(ContentHash.Of(SampleItems.Valid()), ContentHash.Of(SampleItems.Valid()));

    [Fact]
    public void Of_OneCharacterChanged_DifferentHash() =>
        Assert.NotEqual(ContentHash.Of(SampleItems.Valid()), ContentHash.Of(SampleItems.Valid() with { Title = SampleItems.Valid().Title + "。" }));

    [Fact]
    public void Sanitize_ScriptsHandlersAndJavascriptUrls_AreRemoved()
    {
        var clean = new BodySanitizer()
            .Sanitize("<p onclick=\"x()\">正文</p><script>alert(1)</script><a href=\"javascript:alert(1)\">链接</a><iframe src=\"http://evil\"></iframe>");
        Assert.Contains("正文", clean);
        Assert.DoesNotContain("script", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("iframe", clean, StringComparison.OrdinalIgnoreCase);
    }
}
