namespace Channels.Publishing.Items;

/// <summary>An approved disclosure item as an editor hands it over (the v1 contract, docs/api.md).</summary>
public sealed record PublicationItem
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string? Summary { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = [];
    public string Publisher { get; init; } = "";
    public string? DocumentNumber { get; init; }

    /// <summary>索引号 of the disclosure catalogue; when absent the website derives one (see SiteCatalogue.IndexNumber).</summary>
    public string? IndexNumber { get; init; }

    /// <summary>条例第二十条第（一）项 category when the item is one: 规章 or 行政规范性文件 (for the annual report's table 二).</summary>
    public string? DocumentCategory { get; init; }
    public DateTimeOffset? PublishAt { get; init; }

    /// <summary>When the information was formed or last changed (条例第二十六条: public within 20 working days of it).</summary>
    public DateTimeOffset? FormedAt { get; init; }

    /// <summary>For a policy interpretation (政策解读): the id of the policy document it interprets.</summary>
    public string? Interprets { get; init; }
    public string Priority { get; init; } = Priorities.Normal;
    public DateTimeOffset? IncidentAt { get; init; }
    public IReadOnlyList<string> Channels { get; init; } = [];
    public SmsRequest? Sms { get; init; }

    /// <summary>Optional WeChat-only wording (a short title, a digest) when the website's is too long for draft/add.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("wechat")]
    public WeChatRequest? WeChat { get; init; }
    public BulletinRequest? Bulletin { get; init; }
    public ApprovalRecord? Approval { get; init; }

    /// <summary>附件 uploaded beforehand (POST /api/attachments), by id, each with an optional display name (docs/attachments.md).</summary>
    public IReadOnlyList<global::Channels.Publishing.Attachments.AttachmentRef>? Attachments { get; init; }

    public bool IsEmergency => Priority == Priorities.Emergency;
}

public sealed record SmsRequest
{
    /// <summary>Phone numbers (mainland China mobile, +86 or 11 digits).</summary>
    public IReadOnlyList<string> Audience { get; init; } = [];

    /// <summary>Named subscriber audiences (PUT /api/sms/audiences/{name}); resolved to numbers, and added to <see cref="Audience"/>, at submission.</summary>
    public IReadOnlyList<string>? Audiences { get; init; }

    /// <summary>The message. With <see cref="Template"/> optional (it must then equal the template's text filled in); without, the default notice template
    /// carries it.</summary>
    public string Text { get; init; } = "";

    /// <summary>An approved template's id or name (Channels:Sms:Templates); see docs/platforms/sms.md.</summary>
    public string? Template { get; init; }

    /// <summary>The template's parameters, in order {1}, {2}…</summary>
    public IReadOnlyList<string>? Params { get; init; }
}

/// <summary>What WeChat shows instead of the item's own title and summary (draft/add limits them to 32 and 128 characters).</summary>
public sealed record WeChatRequest
{
    public string? Title { get; init; }
    public string? Digest { get; init; }
}

public sealed record BulletinRequest
{
    /// <summary>Names of the bulletin boards (信息公告栏) the printed notice goes on.</summary>
    public IReadOnlyList<string> Boards { get; init; } = [];
}

/// <summary>The 先审查、后发布 record: who reviewed and who approved, and the confidentiality review.</summary>
public sealed record ApprovalRecord
{
    public string Author { get; init; } = "";
    public string Reviewer { get; init; } = "";
    public string Approver { get; init; } = "";
    public DateTimeOffset? ApprovedAt { get; init; }
    public ConfidentialityReview? ConfidentialityReview { get; init; }
}

public sealed record ConfidentialityReview
{
    public bool Passed { get; init; }
}

public static class DocumentCategories
{
    public const string Regulation = "规章";
    public const string NormativeDocument = "行政规范性文件";

    public static readonly IReadOnlyList<string> All = [Regulation, NormativeDocument];
}

public static class Priorities
{
    public const string Normal = "normal";
    public const string Emergency = "emergency";
}
