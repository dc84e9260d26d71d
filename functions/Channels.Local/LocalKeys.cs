using System.Security.Cryptography;

namespace Channels.Local;

/// <summary>
/// The local host's role keys. When none of CHANNELS_KEY_EDITOR / _ADMIN / _READER is set (environment or args),
/// fresh random keys are made for this run, handed to the host as arguments, printed, and written to
/// $CHANNELS_DATA/keys.env (owner-only) so scripts on the same machine can use them.
/// </summary>
public static class LocalKeys
{
    static readonly string[] Names = ["CHANNELS_KEY_ADMIN", "CHANNELS_KEY_EDITOR", "CHANNELS_KEY_READER"];

    /// <summary>The args with generated keys appended, or the args unchanged (and null) when any key is configured.</summary>
    public static (string[] Args, IReadOnlyDictionary<string, string>? Generated) EnsureKeys(string[] args)
    {
        var configured = Names.Any(n => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(n))
            || args.Any(a => a.StartsWith($"--{n}=", StringComparison.Ordinal) || a.StartsWith("--Channels:Access:", StringComparison.Ordinal)));
        if (configured) return (args, null);
        var keys = Names.ToDictionary(n => n, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        return ([.. args, .. keys.Select(k => $"--{k.Key}={k.Value}")], keys);
    }

    public static void Announce(IReadOnlyDictionary<string, string> keys, string baseUrl, TextWriter output)
    {
        output.WriteLine("访问密钥（本次运行生成；设置 CHANNELS_KEY_ADMIN / CHANNELS_KEY_EDITOR / CHANNELS_KEY_READER 可固定）：");
        foreach (var (name, value) in keys) output.WriteLine($"  {name}={value}");
        output.WriteLine($"监控仪表盘：{baseUrl.TrimEnd('/')}/dashboard/#key={keys["CHANNELS_KEY_ADMIN"]}");
        var data = Environment.GetEnvironmentVariable("CHANNELS_DATA");
        if (string.IsNullOrEmpty(data) || !Directory.Exists(data)) return;
        var file = Path.Combine(data, "keys.env");
        File.WriteAllLines(file, keys.Select(k => $"{k.Key}={k.Value}"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        output.WriteLine($"（已写入 {file}）");
    }
}
