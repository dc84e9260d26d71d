using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.Faults;

/// <summary>The fault rules, checked in the order they were added; rate rules draw from a seeded Random.</summary>
internal sealed class FaultStore(SandboxOptions options) : IResettable
{
    readonly List<FaultRule> rules = [];
    readonly Lock gate = new();
    Random random = new(options.FaultRandomSeed);
    int nextId;

    public FaultRule Add(FaultRule rule)
    {
        lock (gate)
        {
            var added = rule with { Id = ++nextId };
            rules.Add(added);
            return added with { };
        }
    }

    /// <summary>The rule the call meets, if any; counts the hit and uses up one application of a counted rule.</summary>
    public FaultRule? Match(string channel, string api)
    {
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (rule.Exhausted || !rule.Matches(channel, api)) continue;
                if (rule.Rate is { } rate && random.NextDouble() >= rate) continue;
                if (rule.Remaining is { } left) rule.Remaining = left - 1;
                rule.Hits++;
                return rule with { };
            }

            return null;
        }
    }

    /// <summary>Snapshots of all rules, including used-up ones (remaining 0).</summary>
    public IReadOnlyList<FaultRule> List()
    {
        lock (gate)
        {
            return rules.Select(r => r with { }).ToList();
        }
    }

    public bool Remove(int id)
    {
        lock (gate)
        {
            return rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            rules.Clear();
            random = new Random(options.FaultRandomSeed);
        }
    }
}
