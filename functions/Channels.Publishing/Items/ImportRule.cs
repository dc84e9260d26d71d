namespace Channels.Publishing.Items;

/// <summary>
/// Backdating is an import. A publishAt more than <see cref="Tolerance"/> before the submission is not a publication
/// happening now but the record of one that happened elsewhere (replaying an archive, migrating a year): only the
/// admin role may submit it, and the record and its 发布证明 say so. A day of tolerance covers clock skew and an
/// editor who submits in the morning what was approved for the evening before.
/// </summary>
public static class ImportRule
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromDays(1);

    public static bool IsImport(DateTimeOffset publishAt, DateTimeOffset submittedAt) => publishAt < submittedAt - Tolerance;

    public const string Refusal = "发布时间早于当前时间超过1天，属于历史信息导入，仅渠道管理员可以提交（编辑请填写实际发布时间）";
}
