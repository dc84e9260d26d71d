namespace Channels.Publishing.Channels;

/// <summary>How long a platform's quota or rate limit lasts: the next attempt waits for the window to pass.</summary>
public enum QuotaWindow
{
    /// <summary>A per-minute or per-second limit (WeChat 45011, Tencent RequestLimitExceeded, DeliveryFrequencyLimit).</summary>
    Minute,

    /// <summary>An hourly limit (Weibo 10022–10024, 20016; Tencent PhoneNumberOneHourLimit).</summary>
    Hour,

    /// <summary>A daily quota (WeChat 45009, Tencent *DailyLimit): the next China day.</summary>
    Day,
}

/// <summary>
/// A platform error meaning "quota or rate limit reached". Not retried at once: the delivery is deferred on a durable
/// timer until the window has passed (<see cref="Orchestration.DeliveryService"/>), never hammered in a tight loop.
/// </summary>
public interface IQuotaLimited
{
    /// <summary>Null when the error is not a quota or rate limit.</summary>
    QuotaWindow? Window { get; }
}

/// <summary>When a deferred delivery may try again.</summary>
public static class QuotaDeferral
{
    public static DateTimeOffset NotBefore(QuotaWindow window, DateTimeOffset now, double minuteSeconds, double hourSeconds, double? capSeconds)
    {
        var until = window switch
        {
            QuotaWindow.Minute => now.AddSeconds(minuteSeconds),
            QuotaWindow.Hour => now.AddSeconds(hourSeconds),
            _ => NextChinaMidnight(now).AddMinutes(1),
        };
        return capSeconds is { } cap && until > now.AddSeconds(cap) ? now.AddSeconds(cap) : until;
    }

    static DateTimeOffset NextChinaMidnight(DateTimeOffset now)
    {
        var china = now.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(china.Date.AddDays(1), TimeSpan.FromHours(8));
    }

    /// <summary>What the admin reads on the ledger row (zh-CN).</summary>
    public static string Reason(QuotaWindow window, string platformMessage, DateTimeOffset notBefore) =>
        $"平台配额或频率限制（{Describe(window)}）：{platformMessage}；不立即重试，{ChinaTime(notBefore)} 后再试";

    static string Describe(QuotaWindow window) => window switch
    {
        QuotaWindow.Minute => "每分钟限额",
        QuotaWindow.Hour => "每小时限额",
        _ => "每日限额",
    };

    static string ChinaTime(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
