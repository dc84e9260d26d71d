namespace Channels.Local.Bench;

/// <summary>Percentiles of a set of samples (nearest-rank).</summary>
internal static class Latency
{
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>
    /// Items per second over the first tenth of the completions (from the start to the tenth's last completion) and
    /// over the last tenth (from the completion before it to the end): how much the rate falls as the tables grow.
    /// </summary>
    public static (double First, double Last) TenthRates(IReadOnlyList<double> completedAt)
    {
        var sorted = completedAt.Order().ToList();
        var tenth = sorted.Count / 10;
        if (tenth == 0) return (double.NaN, double.NaN);
        var first = tenth / Math.Max(sorted[tenth - 1], 0.001);
        var last = tenth / Math.Max(sorted[^1] - sorted[^(tenth + 1)], 0.001);
        return (first, last);
    }

    /// <summary>Peak resident set size of this process (VmHWM), in MB.</summary>
    public static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
