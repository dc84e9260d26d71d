using System.Collections.Concurrent;

namespace Channels.Sandbox;

/// <summary>
/// A fault to inject: kind error (with the platform's code), http500, timeout (delay then 504), slow (delay then
/// normal) or drop-after-commit (the call takes effect, then the response is lost: the classic ambiguous failure).
/// Applies to the next Count matching calls, or to each with probability Rate.
/// </summary>
public sealed class FaultRule
{
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Api { get; set; } = "*";
    public string Kind { get; set; } = "error";
    public string? Code { get; set; }
    public int? Count { get; set; }
    public double? Rate { get; set; }
    public int? DelayMs { get; set; }
}

/// <summary>The active fault rules.</summary>
public sealed class FaultBook
{
    readonly ConcurrentDictionary<string, FaultRule> rules = new();
    readonly Random random = new(20170101);
    int next;

    public FaultRule Add(FaultRule rule)
    {
        rule.Id = $"f{Interlocked.Increment(ref next)}";
        rules[rule.Id] = rule;
        return rule;
    }

    public IReadOnlyList<FaultRule> All => rules.Values.ToList();

    public void Clear() => rules.Clear();

    /// <summary>The fault this call meets, if any (consuming one use of a counted rule).</summary>
    public FaultRule? Take(string channel, string api)
    {
        lock (rules)
        {
            foreach (var r in rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                if (r.Channel != channel || (r.Api != "*" && r.Api != api)) continue;
                if (r.Count is { } n)
                {
                    if (n <= 0) continue;
                    r.Count = n - 1;
                    return r;
                }

                if (r.Rate is { } p && random.NextDouble() < p) return r;
            }

            return null;
        }
    }
}
