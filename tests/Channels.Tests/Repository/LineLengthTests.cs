namespace Channels.Tests.Repository;

/// <summary>Lines of source stay within 160 characters (the limit .editorconfig declares as max_line_length).</summary>
public class LineLengthTests
{
    public const int MaxLineLength = 160;

    static readonly string[] SourceExtensions = [".cs", ".js", ".css", ".html", ".bicep", ".sh", ".props", ".csproj"];

    public static bool IsSource(string path) =>
        path == "channels" || SourceExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>1-based numbers and lengths of the lines longer than <paramref name="max"/>.</summary>
    public static IEnumerable<(int Line, int Length)> LongLines(string text, int max = MaxLineLength) =>
        text.Split('\n')
            .Select((line, i) => (Line: i + 1, Length: line.TrimEnd('\r').Length))
            .Where(l => l.Length > max);

    [Fact]
    public void TrackedSourceFiles_HaveNoLineOver160Characters()
    {
        var sources = RepositoryFiles.Tracked().Where(IsSource).ToList();
        Assert.Contains("channels", sources);
        Assert.Contains(sources, f => f.EndsWith(".cs", StringComparison.Ordinal));
        var offenders = sources
            .SelectMany(f => LongLines(File.ReadAllText(Path.Combine(RepositoryFiles.Root, f))).Select(l => $"{f}:{l.Line} ({l.Length} characters)"))
            .ToList();
        Assert.True(offenders.Count == 0, $"{offenders.Count} lines over {MaxLineLength} characters:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void LongLines_FindsTheLineOverTheLimit()
    {
        var text = "short\r\n" + new string('x', MaxLineLength) + "\n" + new string('长', MaxLineLength + 1) + "\n";
        Assert.Equal([(3, MaxLineLength + 1)], LongLines(text).ToArray());
    }

    [Fact]
    public void EditorConfig_DeclaresTheSameLimit()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryFiles.Root, ".editorconfig"));
        Assert.Contains($"max_line_length = {MaxLineLength}", config, StringComparison.Ordinal);
    }
}
