using System.Globalization;

namespace Channels.Publishing.Ledger;

/// <summary>
/// The publication row's record of when the item went public, from its ledger rows: PublicAt (the first delivery on
/// any channel) and DeliveredTimes (each delivered channel's time). Only delivered rows are written: a later
/// retraction leaves the stored times as they were (the information was public from that moment).
/// </summary>
public static class PublicTimes
{
    public static Dictionary<string, object> Columns(IEnumerable<DeliveryEntry> entries)
    {
        var delivered = entries
            .Where(e => e.FinishedAt is not null && e.State == DeliveryState.Delivered)
            .OrderBy(e => e.Channel, StringComparer.Ordinal).ToList();
        var columns = new Dictionary<string, object>();
        if (delivered.Count == 0) return columns;
        columns[nameof(PublicationRecord.PublicAt)] = delivered.Min(e => e.FinishedAt!.Value);
        columns[nameof(PublicationRecord.DeliveredTimes)] = string.Join(',',
            delivered.Select(e => $"{e.Channel}={e.FinishedAt!.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"));
        return columns;
    }
}
