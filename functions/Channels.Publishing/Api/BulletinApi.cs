using System.Globalization;
using Channels.Publishing.Channels.Bulletin;
using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>
/// The month's 政府公报. GET /api/bulletin/gazette/{yyyy}/{MM} (reader) says where it is and whether it exists — and
/// writes nothing: a read never changes storage. POST to the same address (admin) recomposes it from its listing and
/// stored documents (publishing already keeps it current; this rebuilds it on demand, e.g. after a template change)
/// and answers the same way. Idempotent: the same listing gives the same page.
/// </summary>
public sealed class BulletinApi(BulletinExports exports)
{
    public async Task GazetteAsync(HttpContext ctx, string year, string month)
    {
        var rebuild = HttpMethods.IsPost(ctx.Request.Method);
        var errors = new Dictionary<string, string[]>();
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || year.Length != 4 || y is < 2000 or > 2100)
            errors["year"] = ["年份须为2000至2100之间的四位数字"];
        if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || month.Length != 2 || m is < 1 or > 12)
            errors["month"] = ["月份须为01至12的两位数字"];
        if (errors.Count > 0)
        {
            await ApiResponses.ProblemAsync(ctx, 400, "期号无效", "路径应为 /api/bulletin/gazette/{yyyy}/{MM}", errors);
            return;
        }

        if (rebuild) await exports.RebuildGazetteAsync(y, m);
        var path = GazetteRenderer.GazettePath(y, m);
        var exists = await exports.ExistsAsync(path, ctx.RequestAborted);
        await ApiResponses.JsonAsync(ctx, 200, new
        {
            year = y, month = m, period = GazetteRenderer.PeriodName(y, m), path, url = exports.BlobUri(path).ToString(), exists, rebuilt = rebuild,
        });
    }
}
