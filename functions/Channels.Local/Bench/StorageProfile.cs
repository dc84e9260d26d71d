using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Channels.Publishing.Storage;

namespace Channels.Local.Bench;

/// <summary>
/// Listens to the "Channels.Storage" meter during one benchmark phase: how many storage requests of each kind the
/// phase made and how long they took, so the benchmark can say per item where the time goes.
/// </summary>
internal sealed class StorageProfile : IDisposable
{
    readonly MeterListener listener = new();
    readonly ConcurrentDictionary<string, Tally> tallies = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, long> uploaded = new(StringComparer.Ordinal);

    sealed class Tally
    {
        public long Count;
        public double TotalMs;
    }

    public StorageProfile()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageRequestMeter.MeterName
                && instrument.Name is StorageRequestMeter.DurationName or StorageRequestMeter.UploadBytesName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, bytes, tags, _) =>
        {
            string service = "", target = "";
            foreach (var t in tags)
            {
                if (t.Key == "service") service = t.Value as string ?? "";
                else if (t.Key == "target") target = t.Value as string ?? "";
            }

            uploaded.AddOrUpdate($"{service} {target}", bytes, (_, n) => n + bytes);
        });
        listener.SetMeasurementEventCallback<double>((_, ms, tags, _) =>
        {
            string service = "", operation = "", target = "";
            foreach (var t in tags)
            {
                var v = t.Value as string ?? "";
                if (t.Key == "service") service = v;
                else if (t.Key == "operation") operation = v;
                else if (t.Key == "target") target = v;
            }

            var tally = tallies.GetOrAdd($"{service} {operation} {target}", _ => new Tally());
            Interlocked.Increment(ref tally.Count);
            lock (tally) tally.TotalMs += ms;
        });
        listener.Start();
    }

    public long Requests => tallies.Values.Sum(t => Interlocked.Read(ref t.Count));

    /// <summary>The phase's requests per item by kind (most frequent first) and their mean round trip.</summary>
    public string Report(int items, int top = 12)
    {
        var total = Requests;
        var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"    storage: {total:N0} requests, {(double)total / Math.Max(items, 1):F1} per item\n"));
        foreach (var (key, t) in tallies.OrderByDescending(p => p.Value.Count).Take(top))
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"      {key,-40} {(double)t.Count / Math.Max(items, 1),6:F2}/item  mean {t.TotalMs / Math.Max(t.Count, 1),7:F1} ms\n"));
        }

        return sb.ToString();
    }

    /// <summary>Requests per item by kind, for bench/results.json.</summary>
    public Dictionary<string, double> PerItem(int items) => tallies
        .OrderByDescending(p => p.Value.Count)
        .ToDictionary(p => p.Key, p => Math.Round((double)p.Value.Count / Math.Max(items, 1), 2), StringComparer.Ordinal);

    /// <summary>Request body kilobytes sent per item, by service and container/table (what an in-memory emulator keeps).</summary>
    public Dictionary<string, double> UploadedKbPerItem(int items) => uploaded
        .OrderByDescending(p => p.Value)
        .ToDictionary(p => p.Key, p => Math.Round(p.Value / 1024.0 / Math.Max(items, 1), 1), StringComparer.Ordinal);

    public void Dispose() => listener.Dispose();
}
