using System.Text.Json;
using Channels.Publishing.Api.Access;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Columns;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// The column catalogue. GET /api/columns (reader): the active columns in tree order, the retired ones, version and
/// last change. PUT /api/columns (admin) {"columns": [{name, kind?, slug?, parent?, order?, note?}]} replaces the
/// active list (see <see cref="ColumnCatalogEdit"/>): 200 with the catalogue and what changed, 422 naming
/// columns[i].field, 409 when the catalogue is kept in the configuration. GET /api/columns/history (admin): every
/// change, who and when.
/// </summary>
public sealed class ColumnsApi(
    ColumnCatalogue catalogue, SitePages pages, AccessGate access, IOptionsMonitor<AccessOptions> accessOptions, IOptions<WebsiteOptions> website,
    ILogger<ColumnsApi> log)
{
    const int MaxBodyBytes = 256 * 1024;
    readonly SiteRenderer site = new(website.Value);

    public async Task GetAsync(HttpContext ctx)
    {
        await ApiResponses.JsonAsync(ctx, 200, View(await catalogue.CurrentAsync(ctx.RequestAborted), null));
    }

    public async Task HistoryAsync(HttpContext ctx)
    {
        var set = await catalogue.CurrentAsync(ctx.RequestAborted);
        await ApiResponses.JsonAsync(ctx, 200, new { version = set.Version, history = set.History.Reverse() });
    }

    public async Task ReplaceAsync(HttpContext ctx)
    {
        if (catalogue.IsConfigured)
        {
            await ApiResponses.ProblemAsync(ctx, 409, "栏目目录由配置管理", "本部署的栏目目录在配置 Channels:Columns 中维护，请修改配置后重启，不能通过接口修改");
            return;
        }

        if (await ReadAsync(ctx) is not { } columns) return;
        var result = await catalogue.ReplaceAsync(columns, Actor(ctx), "api", ctx.RequestAborted);
        if (result.Next is null)
        {
            await ApiResponses.ProblemAsync(ctx, 422, "栏目目录未通过校验", string.Join("；", result.Errors.Keys), result.Errors);
            return;
        }

        if (result.Changed)
        {
            // The home page's navigation lists the active columns; column pages follow at their next change.
            try
            {
                await pages.RefreshHomeAsync(ctx.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "home page not refreshed after column catalogue version {Version}", result.Next.Version);
            }
        }

        await ApiResponses.JsonAsync(ctx, 200, View(result.Next, result.Change ?? new ColumnHistoryEntry { Version = result.Next.Version }));
    }

    object View(ColumnSet set, ColumnHistoryEntry? change) => new
    {
        version = set.Version,
        source = set.Source,
        managedBy = catalogue.IsConfigured ? "configuration" : "api",
        updatedAt = set.UpdatedAt,
        updatedBy = set.UpdatedBy,
        columns = set.Active.Select(c => new
        {
            name = c.Name, slug = c.Slug, kind = c.Kind ?? "none", parent = c.Parent, order = c.Order, note = c.Note,
            formerNames = c.FormerNames.Count == 0 ? null : c.FormerNames, url = site.Url(SiteRenderer.ColumnPath(c.Website)),
        }),
        retired = set.Retired.Select(c => new
        {
            name = c.Name, slug = c.Slug, kind = c.Kind ?? "none", retiredAt = c.RetiredAt, url = site.Url(SiteRenderer.ColumnPath(c.Website)),
        }),
        changes = change,
    };

    /// <summary>Who made the change: the role, and the signed-in user when Easy Auth vouches for one.</summary>
    string Actor(HttpContext ctx)
    {
        var role = ApiRoles.Name(access.RoleOf(ctx.Request));
        var user = accessOptions.CurrentValue.TrustEasyAuthPrincipal ? ctx.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString() : "";
        return string.IsNullOrWhiteSpace(user) ? role : $"{role}:{user.Trim()}";
    }

    static async Task<IReadOnlyList<ColumnInput?>?> ReadAsync(HttpContext ctx)
    {
        if (await RequestBody.ReadAsync(ctx.Request, MaxBodyBytes, ctx.RequestAborted) is not { } bytes)
        {
            await ApiResponses.ProblemAsync(ctx, 413, "请求体过大", $"请求体不能超过{MaxBodyBytes / 1024}KB", new Dictionary<string, string[]> { ["body"] = ["过大"] });
            return null;
        }

        try
        {
            var body = JsonSerializer.Deserialize<ColumnsBody>(bytes, ChannelsJson.Options);
            if (body?.Columns is { } columns) return columns;
            throw new JsonException("missing columns");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "columns" : e.Path.TrimStart('$', '.');
            await ApiResponses.ProblemAsync(ctx, 400, "请求无法解析", "请求体须为 {\"columns\": [{\"name\": \"…\", \"kind\": \"news|notice|policy|none\"}, …]}",
                new Dictionary<string, string[]> { [field] = ["格式或类型错误"] });
            return null;
        }
    }

    sealed record ColumnsBody(List<ColumnInput?>? Columns);
}
