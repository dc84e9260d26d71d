namespace Channels.Publishing.Api.Access;

/// <summary>
/// Who may do what, each role including the ones below it: a reader reads counts, reports and the publication
/// records; an editor also publishes (and reschedules or cancels before it goes); an admin also retries,
/// retracts and resumes channels.
/// </summary>
public enum ApiRole
{
    None = 0,
    Reader = 1,
    Editor = 2,
    Admin = 3,
}

public static class ApiRoles
{
    public static string Name(ApiRole role) => role switch
    {
        ApiRole.Admin => "admin",
        ApiRole.Editor => "editor",
        ApiRole.Reader => "reader",
        _ => "none",
    };

    public static string Chinese(ApiRole role) => role switch
    {
        ApiRole.Admin => "渠道管理员",
        ApiRole.Editor => "编辑",
        ApiRole.Reader => "统计读取",
        _ => "未认证",
    };
}
