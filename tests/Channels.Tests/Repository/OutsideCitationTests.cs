namespace Channels.Tests.Repository;

/// <summary>
/// Code explains itself from inside the repository: no comment sends the reader to a design note or research digest
/// that is not in it. Decisions live in docs/design.md (lower case: the check is case-sensitive).
/// </summary>
public class OutsideCitationTests
{
    // Built from parts so that this file does not match itself.
    static readonly string[] Citations =
    [
        "DESIGN" + ".md", "DESIGN" + " decision", "channel-apis" + ".md", "shared/" + "reference", "/work/" + "shared",
    ];

    static readonly string[] CodeExtensions = [".cs", ".js", ".css", ".html", ".bicep", ".sh", ".props", ".csproj", ".json"];

    public static IEnumerable<string> CitationsIn(string text) =>
        Citations.Where(c => text.Contains(c, StringComparison.Ordinal));

    [Fact]
    public void CodeFiles_DoNotCiteFilesOutsideTheRepository()
    {
        var code = RepositoryFiles.Tracked()
            .Where(f => f == "channels" || f == ".ci/run" || CodeExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Where(f => !f.StartsWith("seeds/", StringComparison.Ordinal) && !f.EndsWith("package-lock.json", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("channels", code);
        var found = code
            .SelectMany(f => CitationsIn(File.ReadAllText(Path.Combine(RepositoryFiles.Root, f))).Select(c => $"{f}: {c}"))
            .ToList();
        Assert.True(found.Count == 0, "cite docs/design.md instead:\n" + string.Join('\n', found));
    }

    [Fact]
    public void CitationsIn_FindsADesignDecisionReference() =>
        Assert.Equal(["DESIGN" + " decision"], CitationsIn("// measured here (DESIGN" + " decision 3)").ToArray());
}
