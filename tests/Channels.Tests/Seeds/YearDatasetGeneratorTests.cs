using Channels.Publishing.Items;
using Channels.Publishing.Seeds;

namespace Channels.Tests.Seeds;

public class YearDatasetGeneratorTests
{
    static readonly IReadOnlyList<PublicationItem> Year2017 = YearDatasetGenerator.Generate();

    [Fact]
    public void Generate_2017_HasTheSeedsItemCount() => Assert.Equal(11_359, Year2017.Count);

    [Fact]
    public void Generate_2017_ColumnPostingsMatchEveryColumnOfTheSeed()
    {
        var postings = Year2017.SelectMany(i => i.Columns).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(23, postings.Count);
        foreach (var (column, expected) in SeedFigures2017.Columns) Assert.Equal(expected, postings[column]);
        Assert.Equal(15_154, postings.Values.Sum());
    }

    [Fact]
    public void Generate_2017_ChannelFiguresMatchTheSeed()
    {
        Assert.Equal(1_008, Year2017.Count(i => i.Channels.Contains(ChannelNames.Weibo)));
        Assert.Equal(484, Year2017.Count(i => i.Channels.Contains(ChannelNames.WeChat)));
        var bulletin = Year2017.Where(i => i.Channels.Contains(ChannelNames.Bulletin)).ToList();
        Assert.Equal(66, bulletin.Count);
        Assert.All(bulletin, i => Assert.Contains("征地拆迁信息", i.Columns));
        Assert.All(Year2017, i => Assert.Contains(ChannelNames.Website, i.Channels));
    }

    [Fact]
    public void Generate_2017_EveryItemIsValidUniqueAndIn2017ChinaTime()
    {
        Assert.Equal(Year2017.Count, Year2017.Select(i => i.Id).Distinct().Count());
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.All(Year2017, i =>
        {
            Assert.True(ItemValidator.Validate(i, now).IsEmpty, i.Id);
            Assert.Equal(2017, ChinaTime.YearOf(i.PublishAt!.Value));
        });
    }

    [Fact]
    public void Generate_SameSeed_SameItems() =>
        Assert.Equal(ContentHash.OfText(string.Join('\n', Year2017.Select(ContentHash.Of))),
                     ContentHash.OfText(string.Join('\n', YearDatasetGenerator.Generate().Select(ContentHash.Of))));
}
