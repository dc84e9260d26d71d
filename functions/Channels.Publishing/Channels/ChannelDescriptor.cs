using Channels.Publishing.Items;

namespace Channels.Publishing.Channels;

/// <summary>
/// What the core knows about one channel, declared in the channel's own folder (Channels/&lt;Name&gt;/&lt;Name&gt;Channel.cs)
/// and registered with one line (<see cref="ChannelRegistration.AddChannel"/>). Lists, labels, validation, pacing,
/// statistics, the annual report, the exports and the dashboard read it through <see cref="ChannelCatalog"/>; the
/// channel's behaviour comes from the services it registers beside it (<see cref="IChannelPublisher"/>, and optionally
/// <see cref="IChannelPacer"/>, <see cref="IChannelRetractor"/>, <see cref="IChannelResumer"/>, a health probe).
/// </summary>
/// <param name="Name">The channel's name in the API (items' "channels", the ledger, statistics): lower case, stable.</param>
/// <param name="Label">The channel's name as officials read it (zh-CN) — the one place labels are written.</param>
public sealed record ChannelDescriptor(string Name, string Label)
{
    /// <summary>
    /// Sends wait for a slot (a posting budget, quiet hours): the orchestration asks the channel's <see cref="IChannelPacer"/>
    /// before the first send. Read once at start-up, so orchestrations stay deterministic.
    /// </summary>
    public bool Paced { get; init; }

    /// <summary>A new-media account that inspections flag when idle more than 2 weeks (政务新媒体 update frequency).</summary>
    public bool WatchedAccount { get; init; }

    /// <summary>What a delivered post counts: the publisher's <see cref="Statistics.CountedPost"/> metrics, with their Chinese labels.</summary>
    public IReadOnlyList<ChannelMetric> Metrics { get; init; } = [];

    /// <summary>The item options this channel checks when an item names it (null: nothing beyond the common fields).</summary>
    public ItemCheck? Validate { get; init; }
}

/// <summary>Adds a channel's problems with an item that names it (field names are JSON paths, messages zh-CN).</summary>
public delegate void ItemCheck(ValidationProblems problems, PublicationItem item, Columns.ColumnSet columns);

/// <summary>
/// One thing a channel counts. <paramref name="Label"/> names the count in the exports and the report ("文章");
/// <paramref name="Unit"/> is its measure word ("篇"); <paramref name="UnitsLabel"/>, when set, names the sum of the
/// counted posts' units (SMS: "送达人次").
/// </summary>
public sealed record ChannelMetric(string Metric, string Label, string Unit = "条", string? UnitsLabel = null);
