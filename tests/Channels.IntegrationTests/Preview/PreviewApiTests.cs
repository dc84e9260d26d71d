using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests.Preview;

/// <summary>
/// POST /api/publications/preview against the real host: nothing is stored or sent (every table row, blob and sandbox
/// journal entry the same before and after, no count changed), problems are a 422's errors exactly, editors only.
/// </summary>
[Collection(QuietPreviewCollection.Name)]
public sealed class PreviewApiTests(QuietPreviewHost host)
{
    internal static StringContent Json(object item) => new(JsonSerializer.Serialize(item, ChannelsJson.Options), Encoding.UTF8, "application/json");

    Task<JsonElement> PreviewAsync(PublicationItem item, string key = ChannelsHost.AdminKey) => PreviewAsync(host, item, key);

    internal static async Task<JsonElement> PreviewAsync(ChannelsHost host, PublicationItem item, string key)
    {
        using var http = host.Client(key);
        using var response = await http.PostAsync("/api/publications/preview", Json(item));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static Dictionary<string, string[]> Problems(JsonElement preview) =>
        preview.GetProperty("problems").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());

    /// <summary>An item of today (an editor may not backdate) to all five channels, with a table in its body.</summary>
    internal static PublicationItem Today(string prefix)
    {
        var item = Items.Approved(prefix, DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(8)));
        return item with
        {
            Body = "<p>各街道：入汛以来降雨偏多，请做好防汛准备。</p><table><tr><th>街道</th><th>值班电话</th></tr><tr><td>定王台</td><td>84683088</td></tr></table>"
                + "<p>特此通知。</p>",
            Approval = item.Approval! with { ApprovedAt = DateTimeOffset.UtcNow.AddMinutes(-30) },
        };
    }

    [Fact]
    public async Task Preview_StoresNothing_SendsNothing_CountsNothing()
    {
        var item = Today("pvnone");
        await PreviewAsync(item); // the first call may read the column catalogue (and create its container on a fresh storage)
        var before = await StorageSnapshot.SettledAsync(host.StorageConnectionString, TimeSpan.FromSeconds(1.5));
        var journal = await host.JournalMarkAsync();
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var counts = (await host.StatisticsAsync(year)).GetRawText();

        var preview = await PreviewAsync(item, ChannelsHost.EditorKey);
        await PreviewAsync(item with { Title = new string('长', 40), WeChat = null }, ChannelsHost.EditorKey); // with problems too

        Assert.True(preview.GetProperty("valid").GetBoolean(), preview.GetRawText());
        Assert.Equal(5, preview.GetProperty("channels").EnumerateObject().Count());
        var after = await StorageSnapshot.TakeAsync(host.StorageConnectionString);
        Assert.Empty(before.Except(after).Concat(after.Except(before)));
        // The host's own timer pulls SMS receipts and replies (reads, whatever the preview does); every other call would be the preview's.
        var calls = (await host.JournalAllAsync())
            .Where(e => e.GetProperty("seq").GetInt64() > journal && e.GetProperty("api").GetString() is not ("PullSmsSendStatus" or "PullSmsReplyStatus"))
            .Select(e => e.GetRawText()).ToList();
        Assert.True(calls.Count == 0, "platform calls during the preview:\n" + string.Join("\n", calls));
        Assert.Equal(counts, (await host.StatisticsAsync(year)).GetRawText());
        using var status = await host.Api.GetAsync($"/api/publications/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task Problems_AreThe422sErrors_AndAShortWeChatTitleClearsTheTitleProblem()
    {
        var item = Today("pvprob") with { WeChat = null, Columns = ["通知公告", "没有这个栏目"], Approval = null };
        var preview = await PreviewAsync(item, ChannelsHost.EditorKey);
        Assert.False(preview.GetProperty("valid").GetBoolean());
        var problems = Problems(preview);

        using var refused = await host.Client(ChannelsHost.EditorKey).PostAsync("/api/publications", Json(item));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray()), problems);
        Assert.Contains("wechat.title", Assert.Single(problems["title"]), StringComparison.Ordinal); // the title is too long for WeChat
        Assert.Contains("columns[1]", problems.Keys);
        Assert.Contains("approval", problems.Keys);

        var fixedItem = Today("pvprob") with { WeChat = new WeChatRequest { Title = "关于做好防汛工作的通知" } };
        var fixedPreview = await PreviewAsync(fixedItem, ChannelsHost.EditorKey);
        Assert.True(fixedPreview.GetProperty("valid").GetBoolean(), fixedPreview.GetRawText());
        Assert.Equal("关于做好防汛工作的通知", fixedPreview.GetProperty("channels").GetProperty("wechat").GetProperty("title").GetString());

        var tooLongShort = await PreviewAsync(fixedItem with { WeChat = new WeChatRequest { Title = new string('短', 33) } }, ChannelsHost.EditorKey);
        Assert.Equal(["wechat.title"], Problems(tooLongShort).Keys);
    }

    [Fact]
    public async Task Preview_NeedsAnEditor_AndBackdatingIsAnEditorsProblem()
    {
        var item = Today("pvrole");
        using (var none = await host.Client(null).PostAsync("/api/publications/preview", Json(item)))
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using (var reader = await host.Client(ChannelsHost.ReaderKey).PostAsync("/api/publications/preview", Json(item)))
            Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        using (var broken = await host.Client(ChannelsHost.EditorKey).PostAsync("/api/publications/preview",
                   new StringContent("{\"title\":", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        var old = Items.Approved("pvold"); // 2017: an import
        Assert.Contains("publishAt", Problems(await PreviewAsync(old, ChannelsHost.EditorKey)).Keys);
        Assert.True((await PreviewAsync(old, ChannelsHost.AdminKey)).GetProperty("valid").GetBoolean());
    }

}
