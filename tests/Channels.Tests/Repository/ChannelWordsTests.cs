using System.Text.RegularExpressions;

namespace Channels.Tests.Repository;

/// <summary>
/// A channel lives in its folder: outside functions/Channels.Publishing/Channels/Weibo/, the core's code (comments
/// aside) names Weibo only where the v1 contract does (the channel names, the statistics shape and its report and
/// export, the 2017 seed) and where the five channels are registered. A new file that knows Weibo fails this test:
/// what it needs belongs in the channel's descriptor or folder.
/// </summary>
public partial class ChannelWordsTests
{
    const string Core = "functions/Channels.Publishing/";

    static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Items/ChannelNames.cs"] = "the v1 channel names",
        ["Channels/ChannelCatalog.cs"] = "the five built-in descriptors, for pure code without a host",
        ["ChannelsServiceCollectionExtensions.cs"] = "the registration of the five channels",
        ["Statistics/YearStatistics.cs"] = "the v1 statistics shape",
        ["Statistics/YearTally.cs"] = "fills the v1 statistics shape",
        ["Statistics/StatisticsExport.cs"] = "the v1 export rows",
        ["Reports/AnnualReport.cs"] = "the seed report's wording of the v1 counts",
        ["Seeds/SeedFigures2017.cs"] = "the 2017 seed figures",
        ["Seeds/YearDatasetGenerator.cs"] = "the benchmark's year of v1 items",
        ["Dashboard/wwwroot/dashboard.js"] = "reads the v1 statistics shape",
        ["Preview/PreviewViews.cs"] = "the preview's per-channel views (not yet a descriptor ability)",
        ["Preview/PublicationPreviewer.cs"] = "renders each channel's preview (not yet a descriptor ability)",
        ["Dashboard/wwwroot/dashboard-compose.js"] = "the compose form's per-channel options and phone frames",
        ["Configuration/ProductionSettings.cs"] = "required settings per channel (not yet part of the descriptor)",
        ["Configuration/SandboxProfile.cs"] = "the sandbox profile's values per channel (not yet part of the descriptor)",
    };

    [GeneratedRegex(@"^\s*(//|\*)")]
    private static partial Regex CommentLine();

    /// <summary>Core files whose code (not comment lines) mentions <paramref name="word"/>, outside the channel's own folder.</summary>
    public static List<string> FilesNaming(string word, string channelFolder) =>
        [.. RepositoryFiles.Tracked()
            .Where(f => f.StartsWith(Core, StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Select(f => f[Core.Length..])
            .Where(f => !f.StartsWith($"Channels/{channelFolder}/", StringComparison.Ordinal))
            .Where(f => File.ReadLines(Path.Combine(RepositoryFiles.Root, Core + f))
                .Any(line => !CommentLine().IsMatch(line) && line.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void CoreCode_NamesWeiboOnlyWhereTheContractDoes()
    {
        var naming = FilesNaming("weibo", "Weibo");
        var unexpected = naming.Where(f => !Allowed.ContainsKey(f)).ToList();
        Assert.True(unexpected.Count == 0, "core files outside Channels/Weibo/ that know Weibo:\n" + string.Join('\n', unexpected));
        Assert.Contains("Items/ChannelNames.cs", naming); // the search itself works
        Assert.True(naming.Count <= Allowed.Count, $"{naming.Count} files name Weibo: {string.Join(", ", naming)}");
    }
}
