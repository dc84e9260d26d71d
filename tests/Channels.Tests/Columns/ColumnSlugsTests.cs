using Channels.Publishing.Columns;
using Channels.Publishing.Items;

namespace Channels.Tests.Columns;

public class ColumnSlugsTests
{
    public static TheoryData<string, string> SeedColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ColumnCatalog.All) data.Add(c.Name, c.Slug);
        return data;
    }

    /// <summary>The generator reproduces every hand-written slug of the seed (pinyin initials), polyphones included (行政, 重大).</summary>
    [Theory]
    [MemberData(nameof(SeedColumns))]
    public void Generated_MatchesTheSeedsHandWrittenSlug(string name, string slug) => Assert.Equal(slug, ColumnSlugs.FromName(name));

    [Theory]
    [InlineData("工作动态", "gzdt")]
    [InlineData("基层政务公开标准目录", "jczwgkbzml")]
    [InlineData("2019年 预算", "2019nys")]
    [InlineData("Open Data 开放", "opendatakf")]
    public void Generated_PinyinInitialsLowercaseAsciiKept(string name, string slug) => Assert.Equal(slug, ColumnSlugs.FromName(name));

    [Fact]
    public void RareCharacters_GetAHashSuffix_SoTwoNamesDoNotCollide()
    {
        // 䶮 and 𠀀 are outside GB2312's level-1 set: no initial, so the name's hash keeps the slugs apart.
        var a = ColumnSlugs.FromName("信息䶮");
        var b = ColumnSlugs.FromName("信息𠀀");
        Assert.StartsWith("xx-", a, StringComparison.Ordinal);
        Assert.StartsWith("xx-", b, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.True(ColumnSlugs.IsValid(a) && ColumnSlugs.IsValid(b));
        Assert.Equal(a, ColumnSlugs.FromName("信息䶮"));
    }

    [Fact]
    public void Taken_GetsANumericSuffix()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "zcfg", "zcfg-2" };
        Assert.Equal("zcfg-3", ColumnSlugs.Generate("政策法规", taken));
        Assert.Equal("zcjd", ColumnSlugs.Generate("政策解读", taken));
    }

    [Fact]
    public void OnlyPunctuation_StillGivesAValidSlug()
    {
        var slug = ColumnSlugs.FromName("★");
        Assert.True(ColumnSlugs.IsValid(slug), slug);
        Assert.StartsWith("col-", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zcfg", true)]
    [InlineData("a", true)]
    [InlineData("news-2019", true)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("A", false)]
    [InlineData("a/b", false)]
    [InlineData("政策", false)]
    [InlineData("", false)]
    public void IsValid(string slug, bool valid) => Assert.Equal(valid, ColumnSlugs.IsValid(slug));

    [Fact]
    public void LongNames_AreCut()
    {
        var slug = ColumnSlugs.FromName(new string('政', 60));
        Assert.True(slug.Length <= ColumnSlugs.MaxLength);
        Assert.True(ColumnSlugs.IsValid(slug));
    }
}
