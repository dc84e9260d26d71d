namespace Channels.Publishing.Items;

/// <summary>China Standard Time (UTC+8, no daylight saving): the clock of counting and of pages officials read.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The statistics year of an instant: its calendar year in UTC+8.</summary>
    public static int YearOf(DateTimeOffset instant) => ToChina(instant).Year;

    public static string Format(DateTimeOffset instant) => ToChina(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) => ToChina(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
