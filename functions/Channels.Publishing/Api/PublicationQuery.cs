using Azure.Data.Tables;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Api;

/// <summary>
/// The publication list: status and date range filtered by the table service, the rest (text, column, channel
/// state) here, newest first. Rows still in progress on the page get their channels' live states from the ledger.
/// </summary>
public sealed class PublicationQuery(ChannelsStorage storage, DeliveryLedger ledger)
{
    static readonly string[] Columns =
    [
        "PartitionKey", "RowKey", "Title", "Status", "Priority", "PublishAt", "SubmittedAt", "CompletedAt", "Channels", "Columns", "ChannelStates",
    ];

    public async Task<PublicationPage> ListAsync(PublicationFilter f, CancellationToken ct)
    {
        var conditions = new List<string>();
        if (f.Status is { } s) conditions.Add(TableClient.CreateQueryFilter($"Status eq {s}"));
        if (f.From is { } from) conditions.Add(TableClient.CreateQueryFilter($"PublishAt ge {from}"));
        if (f.Until is { } until) conditions.Add(TableClient.CreateQueryFilter($"PublishAt lt {until}"));

        var matches = new List<PublicationRecord>();
        var filter = conditions.Count == 0 ? null : string.Join(" and ", conditions);
        await foreach (var r in storage.Publications.QueryAsync<PublicationRecord>(filter, select: Columns, cancellationToken: ct))
        {
            if (Matches(r, f)) matches.Add(r);
        }

        var page = matches.OrderByDescending(r => r.PublishAt).ThenBy(r => r.Id, StringComparer.Ordinal).Skip(f.Offset).Take(f.Limit).ToList();
        var items = new List<PublicationListItem>(page.Count);
        foreach (var r in page)
        {
            IReadOnlyDictionary<string, string>? live = null;
            if (!PublicationStatus.IsFinal(r.Status) && r.Status != PublicationStatus.Scheduled)
            {
                live = (await ledger.ForItemAsync(r.Id, r.ChannelList, ct)).ToDictionary(e => e.Channel, e => e.State, StringComparer.Ordinal);
            }

            items.Add(PublicationViews.ListItem(r, live));
        }

        return new PublicationPage(matches.Count, f.Offset, f.Limit, items);
    }

    static bool Matches(PublicationRecord r, PublicationFilter f)
    {
        if (f.Q is { } q && !r.Id.Contains(q, StringComparison.OrdinalIgnoreCase) && !r.Title.Contains(q, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Column is { } column && !r.ColumnList.Contains(column, StringComparer.Ordinal)) return false;
        if (f.Channel is { } channel && !r.ChannelList.Contains(channel, StringComparer.Ordinal)) return false;
        if (f.State is { } state)
        {
            var states = r.ChannelStateMap;
            return f.Channel is { } c ? states.GetValueOrDefault(c) == state : states.Values.Contains(state, StringComparer.Ordinal);
        }

        return true;
    }
}
