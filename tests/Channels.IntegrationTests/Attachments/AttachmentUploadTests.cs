using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Channels.Tests.Attachments;

namespace Channels.IntegrationTests.Attachments;

/// <summary>POST/GET /api/attachments against the local host on Azurite: checked by content, stored once by hash, refusals in Chinese.</summary>
[Collection(ChannelsCollection.Name)]
public class AttachmentUploadTests(ChannelsHost host)
{
    public static TheoryData<string, string, string> Kinds() => new()
    {
        { "pdf", "关于征收补偿方案的公告.pdf", "application/pdf" },
        { "ofd", "公文.ofd", "application/ofd" },
        { "doc", "实施方案.doc", "application/msword" },
        { "wps", "实施方案.wps", "application/octet-stream" },
        { "docx", "实施方案.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xls", "补偿标准表.xls", "application/vnd.ms-excel" },
        { "et", "补偿标准表.et", "application/octet-stream" },
        { "xlsx", "补偿标准表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "png", "现场图.png", "image/png" },
        { "jpeg", "现场照片.jpg", "image/jpeg" },
        { "gif", "示意图.gif", "image/gif" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Upload_EachAcceptedKind_IsStoredByItsHash(string kind, string name, string contentType)
    {
        var bytes = AttachmentSamples.Of(kind, Guid.NewGuid().ToString());
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var response = await Uploads.RawAsync(host.Client(ChannelsHost.EditorKey), bytes, name);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var info = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sha256:" + sha, info.GetProperty("id").GetString());
        Assert.Equal(sha, info.GetProperty("sha256").GetString());
        Assert.Equal(name, info.GetProperty("name").GetString());
        Assert.Equal(kind, info.GetProperty("kind").GetString());
        Assert.Equal(contentType, info.GetProperty("contentType").GetString());
        Assert.Equal(bytes.Length, info.GetProperty("size").GetInt64());
        Assert.Equal($"/api/attachments/sha256%3A{sha}", response.Headers.Location?.OriginalString);

        var stored = await new BlobContainerClient(host.StorageConnectionString, "archive").GetBlobClient($"attachments/{sha}").DownloadContentAsync();
        Assert.Equal(bytes, stored.Value.Content.ToArray());
        var got = await host.Client(ChannelsHost.EditorKey).GetFromJsonAsync<JsonElement>($"/api/attachments/sha256:{sha}");
        Assert.Equal(name, got.GetProperty("name").GetString());
        Assert.Equal(kind, got.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Upload_SameBytesTwice_SameIdStoredOnce()
    {
        var bytes = AttachmentSamples.Pdf(Guid.NewGuid().ToString());
        var editor = host.Client(ChannelsHost.EditorKey);

        var first = await Uploads.RawAsync(editor, bytes, "通知.pdf");
        var second = await Uploads.FormAsync(editor, bytes, "通知（重传）.pdf");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal("通知（重传）.pdf", b.GetProperty("name").GetString());
        var sha = a.GetProperty("sha256").GetString();
        Assert.Single(await ArchivedAttachmentsAsync(), n => n.StartsWith($"attachments/{sha}", StringComparison.Ordinal));
        // The stored record keeps the first upload's name.
        var got = await editor.GetFromJsonAsync<JsonElement>($"/api/attachments/sha256:{sha}");
        Assert.Equal("通知.pdf", got.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Upload_MultipartForm_IsAccepted()
    {
        var response = await Uploads.FormAsync(host.Client(ChannelsHost.EditorKey), AttachmentSamples.Xlsx(Guid.NewGuid().ToString()), "补偿 标准表.xlsx");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var info = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("xlsx", info.GetProperty("kind").GetString());
        Assert.Equal("补偿 标准表.xlsx", info.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("wrong-magic", "通知.pdf", "文件内容与扩展名不符：扩展名为.pdf，但内容不是PDF 文档")]
    [InlineData("pdf", "通知.docx", "文件内容与扩展名不符：内容是PDF 文档，扩展名应为.pdf")]
    [InlineData("wrong-magic", "程序.exe", "不支持的文件类型（.exe）")]
    [InlineData("empty", "空.pdf", "文件为空")]
    [InlineData("pdf", "../../etc/通知.pdf", "文件名不能包含路径")]
    [InlineData("pdf", null, "缺少文件名")]
    public async Task Upload_Refused_422NamingFileInChinese_NothingStored(string kind, string? name, string reason)
    {
        var bytes = kind switch
        {
            "wrong-magic" => "MZ\u0090 this is a program"u8.ToArray(),
            "empty" => [],
            _ => AttachmentSamples.Pdf(Guid.NewGuid().ToString()),
        };
        var before = await ArchivedAttachmentsAsync();

        var response = await Uploads.RawAsync(host.Client(ChannelsHost.EditorKey), bytes, name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith(reason, await Uploads.FileErrorAsync(response), StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.DoesNotContain($"attachments/{sha}", await ArchivedAttachmentsAsync());
        Assert.True((await ArchivedAttachmentsAsync()).IsSupersetOf(before));
    }

    [Fact]
    public async Task Upload_OverTheLimit_413NamingFile()
    {
        var bytes = new byte[20 * 1024 * 1024 + 1];
        AttachmentSamples.Pdf().CopyTo(bytes, 0);

        var response = await Uploads.RawAsync(host.Client(ChannelsHost.EditorKey), bytes, "大文件.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("文件不能超过20MB", await Uploads.FileErrorAsync(response));
        Assert.DoesNotContain($"attachments/{Convert.ToHexStringLower(SHA256.HashData(bytes))}", await ArchivedAttachmentsAsync());
    }

    [Fact]
    public async Task Upload_ReaderKey_403_NoKey_401()
    {
        var bytes = AttachmentSamples.Pdf(Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Uploads.RawAsync(host.Client(ChannelsHost.ReaderKey), bytes, "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Uploads.RawAsync(host.Client(null), bytes, "a.pdf")).StatusCode);
    }

    [Theory]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-an-id")]
    public async Task Get_UnknownId_404(string id)
    {
        var response = await host.Client(ChannelsHost.EditorKey).GetAsync($"/api/attachments/{Uri.EscapeDataString(id)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    async Task<HashSet<string>> ArchivedAttachmentsAsync()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in new BlobContainerClient(host.StorageConnectionString, "archive").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, "attachments/", CancellationToken.None)) names.Add(blob.Name);
        return names;
    }
}
