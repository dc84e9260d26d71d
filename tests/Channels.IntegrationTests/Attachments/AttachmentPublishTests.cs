using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Channels.Publishing.Attachments;
using Channels.Publishing.Items;
using Channels.Publishing.Proof;
using Channels.Tests.Attachments;

namespace Channels.IntegrationTests.Attachments;

/// <summary>
/// An item with attachments through the real pipeline: the website page lists them and the public files carry the same
/// bytes, the bulletin notice lists them, the WeChat article (as the sandbox holds it) sends readers to the page, the proof
/// has their SHA-256, and a retraction withdraws the files — unless another live item still offers the same one.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class AttachmentPublishTests(ChannelsHost host)
{
    BlobContainerClient Web => new(host.StorageConnectionString, "$web");

    [Fact]
    public async Task Published_EveryChannelShowsTheAttachments_ProofHasHashes_RetractionWithdrawsThem()
    {
        var editor = host.Client(ChannelsHost.EditorKey);
        var pdfBytes = AttachmentSamples.Pdf(Guid.NewGuid().ToString());
        var pdf = await Uploads.StoredAsync(editor, pdfBytes, "征收补偿方案.pdf");
        var xlsx = await Uploads.StoredAsync(editor, AttachmentSamples.Xlsx(Guid.NewGuid().ToString()), "table.xlsx");
        var pdfSha = pdf.GetProperty("sha256").GetString()!;
        var xlsxSha = xlsx.GetProperty("sha256").GetString()!;
        var item = Items.Approved("attach") with
        {
            Attachments =
            [
                new AttachmentRef { Id = pdf.GetProperty("id").GetString()! },
                new AttachmentRef { Id = xlsx.GetProperty("id").GetString()!, Name = "补偿标准表" },
            ],
        };

        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(item)).StatusCode);
        var view = await host.WaitFinalAsync(item.Id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());

        // Website: the page lists both with their links, and the public files are the uploaded bytes.
        var page = await host.Api.GetStringAsync($"/site/items/{item.Id}.html");
        var pdfPath = $"attachments/{pdfSha[..16]}/征收补偿方案.pdf";
        var xlsxPath = $"attachments/{xlsxSha[..16]}/补偿标准表.xlsx";
        Assert.Contains($"href=\"../attachments/{pdfSha[..16]}/{Uri.EscapeDataString("征收补偿方案.pdf")}\"", page, StringComparison.Ordinal);
        Assert.Contains(">补偿标准表.xlsx</a>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"attachments-h\">附件</h2>", page, StringComparison.Ordinal);
        var published = await Web.GetBlobClient(pdfPath).DownloadContentAsync();
        Assert.Equal(pdfSha, Convert.ToHexStringLower(SHA256.HashData(published.Value.Content.ToArray())));
        Assert.Equal("application/pdf", published.Value.Details.ContentType);
        using (var download = await host.Api.GetAsync("/site/" + pdfPath)) Assert.Equal(pdfBytes, await download.Content.ReadAsByteArrayAsync());
        Assert.True(await Web.GetBlobClient(xlsxPath).ExistsAsync());

        // Bulletin: the printed notice lists them with their addresses.
        var bulletinUrl = Channel(view, "bulletin").GetProperty("platformId").GetString()!;
        var notice = (await new BlobContainerClient(host.StorageConnectionString, "bulletin").GetBlobClient(bulletinUrl).DownloadContentAsync())
            .Value.Content.ToString();
        Assert.Contains("附件：", notice, StringComparison.Ordinal);
        Assert.Contains("征收补偿方案.pdf", notice, StringComparison.Ordinal);
        Assert.Contains($"/site/attachments/{xlsxSha[..16]}/{Uri.EscapeDataString("补偿标准表.xlsx")}", notice, StringComparison.Ordinal);

        // WeChat: the article as the sandbox stored it has the line pointing to the website page.
        var content = (await host.WeChatArticleAsync(Channel(view, "wechat").GetProperty("platformId").GetString()!)).GetProperty("content").GetString()!;
        Assert.Contains("附件（共2个）：《征收补偿方案.pdf》、《补偿标准表.xlsx》", content, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:7071/site/items/{item.Id}.html", content, StringComparison.Ordinal);

        // Proof: each attachment's name and SHA-256, inside the record hash.
        var proof = (await host.Api.GetFromJsonAsync<PublicationProof>($"/api/publications/{item.Id}/proof", ChannelsJson.Options))!;
        Assert.True(proof.Verify());
        Assert.Equal([("征收补偿方案.pdf", pdfSha), ("补偿标准表.xlsx", xlsxSha)], proof.Attachments!.Select(a => (a.Name, a.Sha256)));
        Assert.False((proof with { Attachments = [proof.Attachments![0] with { Sha256 = xlsxSha }] }).Verify());
        Assert.Contains(pdfSha, await host.Api.GetStringAsync($"/api/publications/{item.Id}/proof?format=html"), StringComparison.Ordinal);

        // Retraction: the public files go, and the record says so.
        using var retract = await host.Api.PostAsJsonAsync($"/api/publications/{item.Id}/retract", new { reason = "补偿标准有误" });
        Assert.Equal(HttpStatusCode.Accepted, retract.StatusCode);
        var retracted = await host.WaitStatusAsync(item.Id, "retracted");
        Assert.False(await Web.GetBlobClient(pdfPath).ExistsAsync());
        Assert.False(await Web.GetBlobClient(xlsxPath).ExistsAsync());
        using (var gone = await host.Api.GetAsync("/site/" + pdfPath)) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var note = WebsiteRetraction(retracted);
        Assert.Contains($"附件“征收补偿方案.pdf”（SHA-256 {pdfSha}）已从网站撤下，删除公开文件{pdfPath}", note, StringComparison.Ordinal);
        Assert.Contains("附件“补偿标准表.xlsx”", note, StringComparison.Ordinal);
        // The archived upload stays: it is the record of what was published.
        Assert.True(await new BlobContainerClient(host.StorageConnectionString, "archive").GetBlobClient($"attachments/{pdfSha}").ExistsAsync());
    }

    [Fact]
    public async Task Retraction_FileAnotherLiveItemOffers_StaysUntilThatOneGoesToo()
    {
        var pdf = await Uploads.StoredAsync(host.Client(ChannelsHost.EditorKey), AttachmentSamples.Pdf(Guid.NewGuid().ToString()), "名单.pdf");
        var sha = pdf.GetProperty("sha256").GetString()!;
        var path = $"attachments/{sha[..16]}/名单.pdf";
        var refs = new[] { new AttachmentRef { Id = pdf.GetProperty("id").GetString()! } };
        var first = Items.Approved("attach-a") with { Channels = ["website"], Attachments = refs };
        var second = Items.Approved("attach-b") with { Channels = ["website"], Attachments = refs };
        await host.PostAsync(first);
        await host.PostAsync(second);
        await host.WaitFinalAsync(first.Id);
        await host.WaitFinalAsync(second.Id);

        await host.Api.PostAsJsonAsync($"/api/publications/{first.Id}/retract", new { reason = "重复发布" });
        var note = WebsiteRetraction(await host.WaitStatusAsync(first.Id, "retracted"));

        Assert.True(await Web.GetBlobClient(path).ExistsAsync());
        Assert.Contains($"附件“名单.pdf”仍为信息{second.Id}所用，公开文件{path}保留", note, StringComparison.Ordinal);

        await host.Api.PostAsJsonAsync($"/api/publications/{second.Id}/retract", new { reason = "撤回" });
        await host.WaitStatusAsync(second.Id, "retracted");
        Assert.False(await Web.GetBlobClient(path).ExistsAsync());
    }

    [Fact]
    public async Task Submit_UnknownOrMalformedAttachment_422AtItsPath()
    {
        var known = await Uploads.StoredAsync(host.Client(ChannelsHost.EditorKey), AttachmentSamples.Png(Guid.NewGuid().ToString()), "图.png");
        var unknown = "sha256:" + new string('a', 64);
        var item = Items.Approved("attach-bad") with
        {
            Attachments =
            [
                new AttachmentRef { Id = unknown }, new AttachmentRef { Id = "report.pdf" }, new AttachmentRef { Id = known.GetProperty("id").GetString()! },
                new AttachmentRef { Id = known.GetProperty("id").GetString()!, Name = "../x" },
            ],
        };

        var response = await host.PostAsync(item);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith($"没有 id 为“{unknown}”的附件", errors.GetProperty("attachments[0].id")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("附件 id 格式不正确", errors.GetProperty("attachments[1].id")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("attachments[2].id", out _));
        Assert.Equal("同一附件不能重复添加", errors.GetProperty("attachments[3].id")[0].GetString());
        Assert.True(errors.TryGetProperty("attachments[3].name", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/publications/{item.Id}")).StatusCode);
    }

    [Fact]
    public async Task Submit_AttachmentsWithoutTheWebsite_422()
    {
        var known = await Uploads.StoredAsync(host.Client(ChannelsHost.EditorKey), AttachmentSamples.Gif(Guid.NewGuid().ToString()), "图.gif");
        var refs = new[] { new AttachmentRef { Id = known.GetProperty("id").GetString()! } };
        var item = Items.Approved("attach-noweb") with { Channels = ["weibo"], Attachments = refs };

        var response = await host.PostAsync(item);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("website", errors.GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
    }

    static JsonElement Channel(JsonElement view, string channel) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    static string WebsiteRetraction(JsonElement view) =>
        view.GetProperty("history").EnumerateArray()
            .Single(e => e.TryGetProperty("channel", out var c) && c.GetString() == "website" && e.GetProperty("state").GetString() == "retracted")
            .GetProperty("note").GetString()!;

}
