using System.Security.Cryptography;

namespace Channels.Sandbox.Infrastructure;

/// <summary>
/// Per-kind sequence counters for platform ids. They are deliberately not cleared by reset, so an id handed out
/// before a reset can never name a different object after it.
/// </summary>
internal sealed class SandboxIds
{
    const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    readonly Dictionary<string, long> counters = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    /// <summary>The next number of <paramref name="kind"/>, starting at 1.</summary>
    public long Next(string kind)
    {
        lock (gate)
        {
            counters.TryGetValue(kind, out var value);
            counters[kind] = ++value;
            return value;
        }
    }

    /// <summary>A random URL-safe token (for values the real platform makes unguessable, like article URLs).</summary>
    public static string RandomToken(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
