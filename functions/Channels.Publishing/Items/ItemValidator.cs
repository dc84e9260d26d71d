using System.Globalization;
using System.Text.RegularExpressions;

namespace Channels.Publishing.Items;

/// <summary>
/// Checks an item against the v1 contract and the approval gate (先审查、后发布). Messages are Chinese: editors read them.
/// </summary>
public static partial class ItemValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 200_000;
    public const int WeChatMaxContentLength = 20_000;
    public const int MaxSmsTextLength = 300;
    public const int MaxSmsAudience = 10_000;
    public const int MaxIndexNumberLength = 50;

    // \z, not $: "$" also matches before a final newline, which let "abc\n" through to storage keys.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex IdPattern();

    /// <summary>True when <paramref name="id"/> could be an item id; anything else is never looked up in storage.</summary>
    public static bool IsWellFormedId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// The checks; website columns against <paramref name="columns"/> (the deployment's catalogue; null = the default one),
    /// channel names and each named channel's own options against <paramref name="channels"/> (null = the five built-in channels).
    /// </summary>
    public static ValidationProblems Validate(PublicationItem item, DateTimeOffset now, Columns.ColumnSet? columns = null,
        Channels.ChannelCatalog? channels = null)
    {
        var p = new ValidationProblems();
        if (string.IsNullOrWhiteSpace(item.Id)) p.Add("id", "缺少 id");
        else if (!IsWellFormedId(item.Id)) p.Add("id", "id 只能由字母、数字、点、下划线和连字符组成，且不超过100个字符");
        Required(p, "title", item.Title, MaxTitleLength);
        Required(p, "body", item.Body, MaxBodyLength);
        Required(p, "publisher", item.Publisher, 100);
        if (item.Summary is { Length: > 500 }) p.Add("summary", "摘要不能超过500个字符");
        if (item.IndexNumber is { } index && !IsPlainLabel(index, MaxIndexNumberLength))
            p.Add("indexNumber", $"索引号 indexNumber 不能为空，不超过{MaxIndexNumberLength}个字符，且不能包含控制字符或<>&\"'");
        if (item.DocumentCategory is { } category && !DocumentCategories.All.Contains(category))
            p.Add("documentCategory", $"documentCategory 只能是{string.Join("或", DocumentCategories.All)}");
        TextRules.CheckItem(p, item);
        CheckDates(p, item, now);
        CheckChannels(p, item, columns ?? Columns.ColumnSet.Default, channels ?? Channels.ChannelCatalog.BuiltIn);
        ApprovalGate.Check(p, item, now);
        Attachments.AttachmentRules.Check(p, item);
        return p;
    }

    /// <summary>A short printed label (索引号): not blank, bounded, no control characters and nothing that looks like markup.</summary>
    static bool IsPlainLabel(string value, int max) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= max && value == value.Trim()
        && !value.Any(c => c is '<' or '>' or '&' or '"' or '\'' || char.GetUnicodeCategory(c) is UnicodeCategory.Control
            or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    static void Required(ValidationProblems p, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) p.Add(field, $"缺少 {field}");
        else if (value.Length > max) p.Add(field, $"{field} 不能超过{max}个字符");
    }

    static void CheckDates(ValidationProblems p, PublicationItem item, DateTimeOffset now)
    {
        if (item.PublishAt is not { } at) p.Add("publishAt", "缺少发布时间 publishAt（ISO 8601，带时区）");
        else if (at.Year < 2000 || at > now.AddYears(1)) p.Add("publishAt", "发布时间超出允许范围（2000年至今后一年）");

        if (item.Priority is not (Priorities.Normal or Priorities.Emergency))
            p.Add("priority", "priority 只能是 normal 或 emergency");
        if (item.IsEmergency && item.IncidentAt is null) p.Add("incidentAt", "突发事件信息必须填写事发时间 incidentAt");
        if (item.IncidentAt is { } incident && (incident.Year < 2000 || incident > now.AddMinutes(5)))
            p.Add("incidentAt", "事发时间不能晚于当前时间");
        if (item.FormedAt is { } formed && (formed.Year < 2000 || formed > now.AddMinutes(5) || (item.PublishAt is { } pub && formed > pub)))
            p.Add("formedAt", "信息形成时间 formedAt 不能晚于发布时间或当前时间");
        if (item.Interprets is { } policy && (!IdPattern().IsMatch(policy) || policy == item.Id))
            p.Add("interprets", "interprets 应为所解读政策文件的信息编号");
    }

    static void CheckChannels(ValidationProblems p, PublicationItem item, Columns.ColumnSet columns, Channels.ChannelCatalog channels)
    {
        if (item.Channels.Count == 0) p.Add("channels", "至少选择一个发布渠道");
        for (var i = 0; i < item.Channels.Count; i++)
        {
            if (!channels.IsKnown(item.Channels[i])) p.Add($"channels[{i}]", $"未知渠道“{item.Channels[i]}”，可选：{string.Join("、", channels.Names)}");
        }

        if (item.Channels.Distinct(StringComparer.Ordinal).Count() != item.Channels.Count) p.Add("channels", "渠道重复");

        // Each named channel checks its own options (its descriptor's Validate), in registration order.
        foreach (var channel in channels.All.Where(c => item.Channels.Contains(c.Name, StringComparer.Ordinal))) channel.Validate?.Invoke(p, item, columns);
    }

    internal static void CheckWeChat(ValidationProblems p, PublicationItem item)
    {
        if (item.Body.Length > WeChatMaxContentLength) p.Add("body", $"微信图文正文须少于{WeChatMaxContentLength}个字符");
        WeChatItemRules.Check(p, item);
    }

    internal static void CheckColumns(ValidationProblems p, PublicationItem item, Columns.ColumnSet columns)
    {
        if (item.Columns.Count == 0) p.Add("columns", "发布到政府网站时至少选择一个栏目");
        for (var i = 0; i < item.Columns.Count; i++)
        {
            if (columns.FindActive(item.Columns[i]) is not null) continue;
            var retired = columns.Find(item.Columns[i]) is { } known ? (known.IsActive ? $"（已更名为“{known.Name}”）" : "（已停用）") : "";
            p.Add($"columns[{i}]", $"未知栏目“{item.Columns[i]}”{retired}，可用栏目：{string.Join("、", columns.ActiveNames)}");
        }

        if (item.Columns.Distinct(StringComparer.Ordinal).Count() != item.Columns.Count) p.Add("columns", "栏目重复");
    }

    internal static void CheckSms(ValidationProblems p, SmsRequest? sms)
    {
        if (sms is null)
        {
            p.Add("sms", "发布到短信时须提供 sms.audience 和 sms.text");
            return;
        }

        if (string.IsNullOrWhiteSpace(sms.Text) && sms.Template is null) p.Add("sms.text", "缺少短信内容");
        else if (sms.Text.Length > MaxSmsTextLength) p.Add("sms.text", $"短信内容不能超过{MaxSmsTextLength}个字符");
        else if (sms.Text.Contains('【') || sms.Text.Contains('】')) p.Add("sms.text", "短信内容不能包含【】（签名由平台添加）");
        else SmsItemRules.Check(p, sms);

        if (sms.Audience.Count == 0 && sms.Audiences is not { Count: > 0 }) p.Add("sms.audience", "短信接收号码不能为空（或以 sms.audiences 指定受众名单）");
        for (var i = 0; i < (sms.Audiences?.Count ?? 0); i++)
        {
            if (!SmsAudienceNames.IsValid(sms.Audiences![i])) p.Add($"sms.audiences[{i}]", "受众名单名称须为2–63位小写字母、数字或连字符");
            else if (sms.Audiences.Take(i).Contains(sms.Audiences[i], StringComparer.Ordinal)) p.Add($"sms.audiences[{i}]", "受众名单重复");
        }

        if (sms.Audience.Count > MaxSmsAudience) p.Add("sms.audience", $"单条信息的短信接收号码不能超过{MaxSmsAudience}个");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sms.Audience.Count && i < MaxSmsAudience; i++)
        {
            var n = PhoneNumbers.Normalise(sms.Audience[i] ?? "");
            if (n is null) p.Add($"sms.audience[{i}]", "不是有效的中国大陆手机号码");
            else if (!seen.Add(n)) p.Add($"sms.audience[{i}]", "号码重复");
        }
    }

    internal static void CheckBulletin(ValidationProblems p, BulletinRequest? bulletin)
    {
        if (bulletin is null || bulletin.Boards.Count == 0)
        {
            p.Add("bulletin.boards", "发布到公告栏时至少填写一个公告栏");
            return;
        }

        for (var i = 0; i < bulletin.Boards.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(bulletin.Boards[i]) || bulletin.Boards[i].Length > 50)
                p.Add($"bulletin.boards[{i}]", "公告栏名称不能为空且不超过50个字符");
        }
    }
}
