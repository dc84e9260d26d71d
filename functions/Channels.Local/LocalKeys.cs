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

    /// <summary>
    /// Prints the keys and the dashboard link — with the reader key: a link pasted into a chat or left in a browser's
    /// history then gives read access only; an admin signs in with the admin key on the page — and writes keys.env.
    /// </summary>
    public static void Announce(IReadOnlyDictionary<string, string> keys, string baseUrl, TextWriter output)
    {
        output.WriteLine("访问密钥（本次运行生成；设置 CHANNELS_KEY_ADMIN / CHANNELS_KEY_EDITOR / CHANNELS_KEY_READER 可固定）：");
        foreach (var (name, value) in keys) output.WriteLine($"  {name}={value}");
        output.WriteLine($"监控仪表盘（只读）：{baseUrl.TrimEnd('/')}/dashboard/#key={keys["CHANNELS_KEY_READER"]}");
        output.WriteLine("（管理操作请在仪表盘中退出后以 CHANNELS_KEY_ADMIN 登录）");
        var data = Environment.GetEnvironmentVariable("CHANNELS_DATA");
        if (string.IsNullOrEmpty(data) || !Directory.Exists(data)) return;
        var file = Path.Combine(data, "keys.env");
        WriteOwnerOnly(file, string.Concat(keys.Select(k => $"{k.Key}={k.Value}\n")));
        output.WriteLine($"（已写入 {file}，仅所有者可读）");
    }

    /// <summary>
    /// Writes <paramref name="text"/> to a file created with mode 600, so no other user can read it at any moment (a
    /// chmod after writing leaves a window). An existing file is removed first: the create mode applies only to new files.
    /// </summary>
    public static void WriteOwnerOnly(string file, string text)
    {
        File.Delete(file);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(file, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
