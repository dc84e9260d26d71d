using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// POST /api/publications and GET /api/publications/{id}. Submission order: check → archive → claim the id →
/// start the orchestration (instance id = "pub-" + item id). A re-post of the same content finds the claim and
/// re-starts the orchestration only if it is missing, so a crash between claim and start heals on retry.
/// </summary>
public sealed class PublicationsApi(
    PublicationStore store, DeliveryLedger ledger, Access.AccessGate access, IOptions<DeliveryOptions> delivery, IOptions<EscalationOptions> emergency,
        TimeProvider time,
    Channels.Sms.SmsAudienceResolver? audiences = null, Columns.ColumnCatalogue? columns = null, IOptions<Office.OfficeOptions>? office = null,
    Channels.ChannelCatalog? channels = null, Attachments.AttachmentLinks? attachments = null)
{
    public static string InstanceId(string itemId) => "pub-" + itemId;

    public static string StatusUrl(string itemId) => $"/api/publications/{Uri.EscapeDataString(itemId)}";

    public async Task SubmitAsync(HttpContext ctx, DurableTaskClient client)
    {
        var ct = ctx.RequestAborted;
        var read = await RequestReader.ReadItemAsync(ctx.Request, ct);
        if (read.Item is not { } item)
        {
            await ApiResponses.ProblemAsync(ctx, read.Status, "请求无法解析", read.Message, new Dictionary<string, string[]> { [read.Field!] = [read.Message!] });
            return;
        }

        (item, var problems) = await CheckAsync(item, ct);
        if (!problems.IsEmpty)
        {
            await ApiResponses.ProblemAsync(ctx, 422, "发布请求未通过校验", string.Join("；", problems.Errors.Keys), problems.Errors);
            return;
        }

        var imported = ImportRule.IsImport(item.PublishAt!.Value, time.GetUtcNow());
        if (imported && access.RoleOf(ctx.Request) < Access.ApiRole.Admin)
        {
            await ApiResponses.ProblemAsync(ctx, 403, "历史信息导入仅限渠道管理员", ImportRule.Refusal,
                new Dictionary<string, string[]> { ["publishAt"] = [ImportRule.Refusal] });
            return;
        }

        var hash = ContentHash.Of(item);
        var existing = await store.FindAsync(item.Id, ct);
        if (existing is null)
        {
            // Named SMS audiences become numbers now and are archived as such (the hash stays that of the item as submitted).
            var (resolved, unknown) = audiences is null ? (item, null) : await audiences.ResolveAsync(item, ct);
            if (resolved is null)
            {
                await ApiResponses.ProblemAsync(ctx, 422, "发布请求未通过校验", string.Join("；", unknown!.Keys), unknown);
                return;
            }

            item = resolved;
            var record = new PublicationRecord
            {
                PartitionKey = item.Id, ContentHash = hash, Title = item.Title, Publisher = item.Publisher,
                PublishAt = item.PublishAt!.Value, Year = ChinaTime.YearOf(item.PublishAt.Value), Priority = item.Priority, IncidentAt = item.IsEmergency
                    ? item.IncidentAt : null,
                FormedAt = item.FormedAt, Interprets = item.Interprets, DocumentCategory = item.DocumentCategory,
                Channels = string.Join(',', item.Channels), Columns = string.Join(',', item.Columns), InstanceId = InstanceId(item.Id),
                    SubmittedAt = time.GetUtcNow(),
                Imported = imported,
                ArchiveBlob = await store.ArchiveAsync(item, hash, ct),
            };
            if (await store.TryAddAsync(record, ct))
            {
                store.Remember(new ArchivedItem(record.Id, hash, record.Year, record.PublishAt, item));
                await StartAsync(client, record, ct, claimed: true);
                await AcceptedAsync(ctx, record, duplicate: false);
                return;
            }

            existing = await store.FindAsync(item.Id, ct);
        }

        if (existing!.ContentHash != hash)
        {
            await ApiResponses.ProblemAsync(ctx, 409, "信息编号已被占用", $"id“{item.Id}”已用于内容不同的信息；更正请使用新的编号或更正流程",
                new Dictionary<string, string[]> { ["id"] = ["该 id 已存在且内容不同"] });
            return;
        }

        await StartAsync(client, existing, ct);
        await AcceptedAsync(ctx, existing, duplicate: true);
    }

    /// <summary>The item with the office's defaults filled in, and the checks a submission makes (the preview makes the same).</summary>
    public async Task<(PublicationItem Item, ValidationProblems Problems)> CheckAsync(PublicationItem item, CancellationToken ct)
    {
        // An item naming no publisher is published under the office's default one (Channels:Office:Publisher).
        if (string.IsNullOrWhiteSpace(item.Publisher) && office?.Value.Publisher is { Length: > 0 } publisher) item = item with { Publisher = publisher };
        var catalogue = columns is null ? null : await columns.ForNamesAsync(item.Columns, activeOnly: true, ct);
        var problems = ItemValidator.Validate(item, time.GetUtcNow(), catalogue, channels);
        if (attachments is not null) await Attachments.AttachmentRules.CheckStoredAsync(problems, item, attachments.Store, ct);
        return (item, problems);
    }

    public async Task GetAsync(HttpContext ctx, string id)
    {
        var ct = ctx.RequestAborted;
        if (await FindOr404Async(ctx, id) is not { } record) return;

        var ledgerRows = await ledger.ForItemAsync(id, ct);
        var rows = ledgerRows.ToDictionary(r => r.Channel, StringComparer.Ordinal);
        var channels = record.ChannelList.Select(c => PublicationViews.Channel(c, rows.GetValueOrDefault(c))).ToList();
        var item = await store.LoadItemAsync(record, ct);
        await ApiResponses.JsonAsync(ctx, 200, new PublicationView(
            record.Id, record.Title, record.Status, record.Priority, record.PublishAt, record.Year, record.ContentHash, record.SubmittedAt,
            record.CompletedAt, record.ColumnList, record.RetractReason, channels, PublicationViews.History(record, ledgerRows),
                PublicationViews.Masked(item)));
    }

    /// <summary>GET /api/publications/{id}/proof: the proof of publication as JSON, or the printable page with ?format=html.</summary>
    public async Task ProofAsync(HttpContext ctx, string id)
    {
        var ct = ctx.RequestAborted;
        if (await FindOr404Async(ctx, id) is not { } record) return;

        var item = await store.LoadItemAsync(record, ct);
        var files = attachments is null ? null : await attachments.ProofOfAsync(item, ct);
        var proof = Proof.PublicationProof.Build(record, item, await ledger.ForItemAsync(id, ct), time.GetUtcNow(), files);
        if (ctx.Request.Query["format"] == "html")
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync(Proof.ProofPage.Html(proof, office?.Value.Name, channels), ct);
            return;
        }

        await ApiResponses.JsonAsync(ctx, 200, proof);
    }

    /// <summary>The record, or a 404 naming the id. An id no item could have is not looked up: storage keys forbid some characters.</summary>
    internal async Task<PublicationRecord?> FindOr404Async(HttpContext ctx, string id)
    {
        var record = ItemValidator.IsWellFormedId(id) ? await store.FindAsync(id, ctx.RequestAborted) : null;
        if (record is null)
        {
            await ApiResponses.ProblemAsync(ctx, 404, "未找到该信息", $"没有 id 为“{id}”的发布记录",
                new Dictionary<string, string[]> { ["id"] = ["没有该 id 的发布记录"] });
        }

        return record;
    }

    /// <param name="claimed">True when this request has just claimed the id: no instance can exist yet, so none is looked up.</param>
    async Task StartAsync(DurableTaskClient client, PublicationRecord record, CancellationToken ct, bool claimed = false)
    {
        // A finished publication is never started again, even after its Durable history was purged (InstancePurge).
        if (!claimed && (PublicationStatus.IsFinal(record.Status) || await client.GetInstanceAsync(record.InstanceId, ct) is not null)) return;
        var clock = record.Priority == Priorities.Emergency && record.IncidentAt is { } incident ? emergency.Value.ClockFor(incident) : null;
        var request = new PublishRequest(record.Id, record.PublishAt, record.ChannelList, delivery.Value.ToPolicy(), clock);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(PublishOrchestrator), request, new StartOrchestrationOptions(record.InstanceId), ct);
        }
        catch (Exception)
        {
            // Another request may have started it between our check and our start: that is the outcome we wanted.
            if (await client.GetInstanceAsync(record.InstanceId, ct) is null) throw;
        }
    }

    static Task AcceptedAsync(HttpContext ctx, PublicationRecord record, bool duplicate)
    {
        ctx.Response.Headers.Location = StatusUrl(record.Id);
        return ApiResponses.JsonAsync(ctx, 202, new { id = record.Id, status = record.Status, statusUrl = StatusUrl(record.Id), duplicate });
    }
}
