using Channels.Publishing.Api;
using Channels.Publishing.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.Publishing.Preview;

/// <summary>
/// POST /api/publications/preview (editor): the same item JSON as POST /api/publications. An unreadable body gets the
/// submission's 400/413/415; a readable one always gets 200 with {valid, problems, channels} (<see cref="PublicationPreviewer"/>).
/// </summary>
public sealed class PreviewApi(AccessGate access, PublicationPreviewer previewer)
{
    public async Task PreviewAsync(HttpContext ctx)
    {
        var read = await RequestReader.ReadItemAsync(ctx.Request, ctx.RequestAborted);
        if (read.Item is not { } item)
        {
            await ApiResponses.ProblemAsync(ctx, read.Status, "请求无法解析", read.Message, new Dictionary<string, string[]> { [read.Field!] = [read.Message!] });
            return;
        }

        var preview = await previewer.PreviewAsync(item, mayImport: access.RoleOf(ctx.Request) >= ApiRole.Admin, ctx.RequestAborted);
        ctx.Response.Headers.CacheControl = "no-store";
        await ApiResponses.JsonAsync(ctx, 200, preview);
    }
}

/// <summary>The preview's services: one line in the composition (AddChannelsCore).</summary>
public static class PreviewRegistration
{
    public static IServiceCollection AddPublicationPreview(this IServiceCollection services) =>
        services.AddSingleton<PublicationPreviewer>().AddSingleton<PreviewApi>();
}
