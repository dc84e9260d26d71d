using Channels.Publishing.Api;
using Channels.Publishing.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Attachments;

/// <summary>
/// POST /api/attachments (editor): one file, checked by content and stored once by its SHA-256 — 201 when new, 200 when
/// the same bytes were uploaded before (same id); 413 over Channels:Attachments:MaxBytes; 422 naming "file" when refused.
/// GET /api/attachments/{id} (editor): what is stored under an id. See docs/attachments.md.
/// </summary>
public sealed class AttachmentsApi(AttachmentStore store, IOptions<AttachmentOptions> options)
{
    public static string Location(string id) => $"/api/attachments/{Uri.EscapeDataString(id)}";

    public async Task UploadAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        var upload = await AttachmentUpload.ReadAsync(ctx.Request, options.Value.MaxBytes, ct);
        if (upload.Bytes is null)
        {
            await RefuseAsync(ctx, upload.Status, upload.Status == 413 ? "文件过大" : "上传请求无法解析", upload.Refusal!);
            return;
        }

        var (name, kind, refusal) = AttachmentCheck.Check(upload.Bytes, upload.Name);
        if (refusal is not null)
        {
            await RefuseAsync(ctx, 422, "附件未通过检查", refusal);
            return;
        }

        var (info, created) = await store.PutAsync(upload.Bytes, name!, kind!, ct);
        // The same bytes under another name are the same attachment; the answer carries the name of this upload.
        var answer = info with { Name = name! };
        ctx.Response.Headers.Location = Location(info.Id);
        await ApiResponses.JsonAsync(ctx, created ? 201 : 200, answer);
    }

    public async Task GetAsync(HttpContext ctx, string id)
    {
        if (await store.FindByIdAsync(id, ctx.RequestAborted) is { } info)
        {
            await ApiResponses.JsonAsync(ctx, 200, info);
            return;
        }

        await ApiResponses.ProblemAsync(ctx, 404, "未找到该附件", $"没有 id 为“{id}”的附件（id 形如 sha256:64位十六进制）",
            new Dictionary<string, string[]> { ["id"] = ["没有该 id 的附件"] });
    }

    static Task RefuseAsync(HttpContext ctx, int status, string title, string reason) =>
        ApiResponses.ProblemAsync(ctx, status, title, reason, new Dictionary<string, string[]> { ["file"] = [reason] });
}
