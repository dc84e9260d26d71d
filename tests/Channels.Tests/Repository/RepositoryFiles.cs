using System.Diagnostics;

namespace Channels.Tests.Repository;

/// <summary>The repository's tracked files (git ls-files; a directory walk when git is not there).</summary>
internal static class RepositoryFiles
{
    static readonly string[] Skipped = [".git", "bin", "obj", "node_modules", ".channels", "TestResults"];

    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<string> Tracked() => FromGit() ?? FromDisk();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Channels.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Channels.sln not found above " + AppContext.BaseDirectory);
    }

    static List<string>? FromGit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "ls-files -z")
            {
                WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0) return null;
            return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(Root, f)))];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    static List<string> FromDisk() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => Skipped.Contains(part, StringComparer.Ordinal)))];
}
