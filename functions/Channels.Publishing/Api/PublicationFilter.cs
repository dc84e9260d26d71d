using System.Globalization;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>
/// The list's query string: status, channel, state (a channel state; with channel, that channel's), column, from/to
/// (yyyy-MM-dd, UTC+8, on publishAt, both inclusive), q (text in id or title), limit (1–200, default 50), offset.
/// </summary>
public sealed record PublicationFilter(
    string? Status, string? Channel, string? State, string? Column, DateTimeOffset? From, DateTimeOffset? Until, string? Q, int Limit, int Offset)
{
    public static (PublicationFilter? Filter, Dictionary<string, string[]> Problems) Parse(IQueryCollection query, Channels.ChannelCatalog? channels = null)
    {
        var problems = new Dictionary<string, string[]>();
        string? Text(string key) => query[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
        DateTimeOffset? Day(string key)
        {
            if (Text(key) is not { } v) return null;
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
            problems[key] = ["日期格式应为 yyyy-MM-dd"];
            return null;
        }

        int Number(string key, int fallback, int min, int max)
        {
            if (Text(key) is not { } v) return fallback;
            if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            problems[key] = [$"应为 {min} 到 {max} 之间的整数"];
            return fallback;
        }

        var channel = Text("channel");
        if (channel is not null && !(channels ?? Channels.ChannelCatalog.BuiltIn).IsKnown(channel)) problems["channel"] = ["未知渠道：" + channel];
        var from = Day("from");
        var to = Day("to");
        var filter = new PublicationFilter(Text("status"), channel, Text("state"), Text("column"), from, to?.AddDays(1), Text("q"),
            Number("limit", 50, 1, 200), Number("offset", 0, 0, 1_000_000));
        return (problems.Count == 0 ? filter : null, problems);
    }
}
