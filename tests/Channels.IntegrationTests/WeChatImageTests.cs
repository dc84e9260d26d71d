using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Channels.Publishing.Channels.Website;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>Body images reach WeChat through media/uploadimg, only from our own storage, uploaded once per image.</summary>
[Collection(ChannelsCollection.Name)]
public class WeChatImageTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    static JsonElement WeChat(JsonElement view) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "wechat");

    async Task<string> PutSiteImageAsync(string name, byte[] bytes)
    {
        var web = new BlobContainerClient(host.StorageConnectionString, "$web");
        await web.CreateIfNotExistsAsync();
        await web.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        return host.Services.GetRequiredService<IOptions<WebsiteOptions>>().Value.BaseUrl.TrimEnd('/') + "/" + name;
    }


    [Fact]
    public async Task OwnImagesUploadedOnce_ForeignDroppedBySanitiser_OversizedDroppedWithANote()
    {
        var tag = Guid.NewGuid().ToString("N");
        var png = await PutSiteImageAsync($"assets/{tag}/map.png", [.. Png, .. System.Text.Encoding.ASCII.GetBytes(tag)]);
        var big = await PutSiteImageAsync($"assets/{tag}/big.jpg", [0xFF, 0xD8, 0xFF, .. new byte[1_100_000]]);
        const string foreign = "http://169.254.169.254/latest/meta-data/iam.png";
        var body = $"<p>防汛示意图：</p><p><img src=\"{png}\" alt=\"示意图\"></p><p><img src=\"{foreign}\"><img src=\"{big}\"></p>";
        var mark = await host.JournalMarkAsync();

        var first = Items.Approved("wximg1") with { Channels = ["wechat"], Body = body };
        await host.PostAsync(first);
        var view = await host.WaitFinalAsync(first.Id);
        var second = Items.Approved("wximg2") with { Channels = ["wechat"], Body = body };
        await host.PostAsync(second);
        var again = await host.WaitFinalAsync(second.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        Assert.Equal("delivered", again.GetProperty("status").GetString());
        var uploads = (await host.JournalAllAsync("wechat")).Where(e => e.GetProperty("seq").GetInt64() > mark
            && e.GetProperty("api").GetString() == "media/uploadimg").ToList();
        var upload = Assert.Single(uploads); // the second item reuses the recorded URL
        Assert.Equal("ok", upload.GetProperty("outcome").GetString());

        var content = (await host.WeChatArticleAsync(WeChat(view).GetProperty("platformId").GetString()!)).GetProperty("content").GetString()!;
        Assert.Contains(upload.GetProperty("platformId").GetString()!, content, StringComparison.Ordinal);
        Assert.DoesNotContain("169.254", content, StringComparison.Ordinal);
        Assert.DoesNotContain(tag, content, StringComparison.Ordinal);
        var notes = view.GetProperty("history").EnumerateArray()
            .Select(h => h.TryGetProperty("note", out var n) ? n.GetString() : null).Where(n => n?.Contains("已从微信正文中去除", StringComparison.Ordinal) == true)
                .ToList();
        // The foreign image never reaches WeChat: the body sanitiser keeps images to our own storage (no note needed).
        var note = Assert.Single(notes);
        Assert.Contains("超过1MB", note, StringComparison.Ordinal);
    }
}
