using Channels.Publishing.Items;

namespace Channels.Publishing.Rules;

/// <summary>
/// Update-frequency rules of website and new-media inspections: a 动态/要闻 column idle more than 2 weeks, a 通知公告/
/// 政策文件 column idle more than 6 months, or a WeChat/Weibo account idle more than 2 weeks is flagged. Idle time
/// is counted in China calendar days; the 6-month window is calendar months back from today (181–184 days).
/// </summary>
public static class FreshnessRules
{
    public const int NewsLimitDays = 14;
    public const int AccountLimitDays = 14;
    public const int NoticeLimitMonths = 6;
    public const int WarningDays = 3;

    /// <summary>
    /// Flags for every key that is a news- or notice-type column of the default catalogue (<see cref="ColumnKinds"/>) or an account
    /// (a channel whose descriptor is a <see cref="Channels.ChannelDescriptor.WatchedAccount"/>: "wechat", "weibo"); exempt and
    /// unknown names are left out. A null time means nothing was ever published.
    /// Worst first.
    /// </summary>
    public static IReadOnlyList<FreshnessFlag> Evaluate(IReadOnlyDictionary<string, DateTimeOffset?> lastPublishedByColumnOrAccount, DateTimeOffset now) =>
        Evaluate(lastPublishedByColumnOrAccount, now, name => ColumnKinds.Find(name)?.Kind);

    /// <summary>
    /// As above, with the columns' kinds from <paramref name="columnKind"/> (the deployment's catalogue) and the accounts
    /// and their labels from <paramref name="channels"/> (null: the five built-in channels).
    /// </summary>
    public static IReadOnlyList<FreshnessFlag> Evaluate(
        IReadOnlyDictionary<string, DateTimeOffset?> lastPublishedByColumnOrAccount, DateTimeOffset now, Func<string, ColumnKind?> columnKind,
        Channels.ChannelCatalog? channels = null)
    {
        channels ??= Channels.ChannelCatalog.BuiltIn;
        ArgumentNullException.ThrowIfNull(columnKind);
        ArgumentNullException.ThrowIfNull(lastPublishedByColumnOrAccount);
        var today = RuleText.ChinaDate(now);
        var flags = new List<FreshnessFlag>();
        foreach (var (name, last) in lastPublishedByColumnOrAccount)
        {
            if (KindOf(name, columnKind, channels) is { } kind)
            {
                flags.Add(Flag(name, kind, last, today, channels));
            }
        }

        return [.. flags.OrderByDescending(f => f.Status).ThenBy(f => f.Kind).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    static FreshnessKind? KindOf(string name, Func<string, ColumnKind?> columnKind, Channels.ChannelCatalog channels) =>
        channels.Find(name)?.WatchedAccount == true ? FreshnessKind.Account : columnKind(name) switch
        {
            ColumnKind.News => FreshnessKind.News,
            ColumnKind.Notice => FreshnessKind.Notice,
            _ => null,
        };

    static FreshnessFlag Flag(string name, FreshnessKind kind, DateTimeOffset? last, DateOnly today, Channels.ChannelCatalog channels)
    {
        var (limitDays, limitText) = kind == FreshnessKind.Notice
            ? (today.DayNumber - today.AddMonths(-NoticeLimitMonths).DayNumber, $"{NoticeLimitMonths}个月")
            : (kind == FreshnessKind.News ? NewsLimitDays : AccountLimitDays, "2周");
        var subject = kind == FreshnessKind.Account ? channels.Label(name) : $"「{name}」栏目";
        if (last is not { } at)
        {
            var never = kind == FreshnessKind.Account ? $"{subject}从未发布信息" : $"{subject}从未发布信息（空白栏目）";
            return new(name, kind, null, null, limitDays, FreshnessStatus.Stale, never);
        }

        var lastDate = RuleText.ChinaDate(at);
        var idle = Math.Max(0, today.DayNumber - lastDate.DayNumber);
        var since = $"最近更新于{RuleText.Date(lastDate)}";
        var remaining = limitDays - idle;
        var (status, message) = remaining switch
        {
            < 0 => (FreshnessStatus.Stale, $"{subject}已{idle}天未更新（{since}），超过{limitText}更新时限"),
            0 => (FreshnessStatus.Warning, $"{subject}已{idle}天未更新（{since}），今天是{limitText}更新时限的最后一天，请及时更新"),
            <= WarningDays => (FreshnessStatus.Warning, $"{subject}已{idle}天未更新（{since}），距{limitText}更新时限还剩{remaining}天，请及时更新"),
            _ => (FreshnessStatus.Ok, $"{subject}{since}（{(idle == 0 ? "今天" : $"{idle}天前")}），未超过{limitText}更新时限"),
        };
        return new(name, kind, at, idle, limitDays, status, message);
    }
}
