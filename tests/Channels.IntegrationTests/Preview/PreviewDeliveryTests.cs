using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Channels.IntegrationTests.Preview;

/// <summary>
/// The preview is what goes out: an item previewed and then published, and for each of the five channels what the
/// preview showed compared with what the platform (the sandbox) or the storage received — the website page and the
/// bulletin notice byte for byte, the WeChat article's title, author, digest and content, the Weibo status text, the
/// SMS template, parameters, signature and recipients.
/// </summary>
[Collection(PreviewCollection.Name)]
public sealed class PreviewDeliveryTests(PreviewHost host)
{
    [Fact]
    public async Task Preview_IsWhatTheSandboxReceives_OnAllFiveChannels()
    {
        var item = PreviewApiTests.Today("pvsame");
        var channels = (await PreviewApiTests.PreviewAsync(host, item, ChannelsHost.EditorKey)).GetProperty("channels");
        var mark = await host.JournalMarkAsync();
        using (var submitted = await host.Client(ChannelsHost.EditorKey).PostAsync("/api/publications", PreviewApiTests.Json(item)))
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var view = await host.WaitFinalAsync(item.Id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());
        string Ledger(string channel, string field) =>
            view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel).GetProperty(field).GetString()!;
        var journal = (await host.JournalAllAsync())
            .Where(e => e.GetProperty("seq").GetInt64() > mark && e.GetRawText().Contains(item.Id, StringComparison.Ordinal)).ToList();

        // Website: the page written to the static site, byte for byte.
        var website = channels.GetProperty("website");
        Assert.Equal(website.GetProperty("path").GetString(), Ledger("website", "platformId"));
        using (var page = await host.Api.GetAsync($"/site/{website.GetProperty("path").GetString()}"))
            Assert.Equal(website.GetProperty("html").GetString(), await page.Content.ReadAsStringAsync());

        // WeChat: the published article as freepublish/getarticle returns it.
        var wechat = channels.GetProperty("wechat");
        var article = await host.WeChatArticleAsync(Ledger("wechat", "platformId"));
        foreach (var (field, name) in new[] { ("title", "title"), ("author", "author"), ("digest", "digest"), ("content", "content") })
            Assert.Equal(wechat.GetProperty(field).GetString(), article.GetProperty(name).GetString());
        Assert.Equal(wechat.GetProperty("contentSourceUrl").GetString(), article.GetProperty("content_source_url").GetString());

        // Weibo: the status text statuses/share received, and its length as Weibo counts it.
        var weibo = channels.GetProperty("weibo");
        var share = Assert.Single(journal, e => e.GetProperty("api").GetString() == "statuses/share" && e.GetProperty("outcome").GetString() == "ok");
        Assert.Equal(weibo.GetProperty("text").GetString(), share.GetProperty("detail").GetProperty("text").GetString());
        Assert.True(weibo.GetProperty("length").GetInt32() <= 140);

        // SMS: the template, its parameters and the signature SendSms received; the recipients after opt-outs.
        var sms = channels.GetProperty("sms");
        var send = Assert.Single(journal, e => e.GetProperty("channel").GetString() == "sms" && e.GetProperty("api").GetString() == "SendSms");
        var detail = send.GetProperty("detail");
        Assert.Equal(sms.GetProperty("template").GetString(), detail.GetProperty("templateId").GetString());
        static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(p => p.GetString());
        Assert.Equal(Strings(sms.GetProperty("params")), Strings(detail.GetProperty("templateParams")));
        Assert.Equal(sms.GetProperty("signName").GetString(), detail.GetProperty("signName").GetString());
        Assert.Equal(sms.GetProperty("recipients").GetInt32(), detail.GetProperty("phoneNumbers").GetArrayLength());
        Assert.StartsWith($"【{sms.GetProperty("signName").GetString()}】", sms.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, sms.GetProperty("segments").GetInt32());

        // Bulletin: the printable notice written to the bulletin container.
        var bulletin = channels.GetProperty("bulletin");
        Assert.Equal(bulletin.GetProperty("url").GetString(), Ledger("bulletin", "url"));
        var blob = new Azure.Storage.Blobs.BlobContainerClient(host.StorageConnectionString, "bulletin")
            .GetBlobClient(bulletin.GetProperty("path").GetString());
        Assert.Equal(bulletin.GetProperty("html").GetString(), (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

}
