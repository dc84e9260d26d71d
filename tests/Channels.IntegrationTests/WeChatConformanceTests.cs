using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Channels.Local;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Items;
using Channels.Sandbox.WeChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>
/// Conformance of our WeChat client to the platform rules the sandbox models: one scenario per rule of
/// <see cref="WeChatSandboxRules"/> — the sandbox does what the platform does (shown by a raw call), and our client
/// survives it (shown end to end). A rule added to the sandbox without a scenario here fails
/// <see cref="EveryRuleHasAScenario"/>. A host of its own: digest on (mass sends), safe-mode pushes, short polls.
/// </summary>
[Collection(ChannelsCollection.Name)]
public sealed class WeChatConformanceTests(ChannelsHost shared) : IAsyncLifetime
{
    const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const string EventToken = "conformance-event-token";
    WebApplication app = null!;
    HttpClient api = null!;
    HttpClient sandbox = null!;
    string baseUrl = "";

    static readonly Dictionary<string, Func<WeChatConformanceTests, Task>> Scenarios = new()
    {
        ["draft.title-limit"] = t => t.TitleLimit(),
        ["draft.author-limit"] = t => t.AuthorLimit(),
        ["draft.digest-limit"] = t => t.DigestLimit(),
        ["draft.content-limit"] = t => t.ContentLimit(),
        ["draft.escapes-counted"] = t => t.EscapesCounted(),
        ["upload.dotnet-default-shape"] = t => t.DotNetDefaultUpload(),
        ["upload.filename-star"] = t => t.FilenameStar(),
        ["token.ordinary-mode-same-token"] = t => t.OrdinaryModeSameToken(),
        ["freepublish.status-2"] = t => t.PlannedPublishStatus(2, "originality-failed", "原创失败"),
        ["freepublish.status-3"] = t => t.PlannedPublishStatus(3, "publish-failed", "常规失败"),
        ["freepublish.status-4"] = t => t.PlannedPublishStatus(4, "review-rejected", "平台审核不通过"),
        ["freepublish.status-5"] = t => t.DeletedAfterPublish(),
        ["freepublish.status-6"] = t => t.PlannedPublishStatus(6, "banned-after-publish", "系统封禁"),
        ["mass.async-outcome"] = t => t.MassAsyncOutcome(),
        ["mass.failure"] = t => t.MassFailure(),
        ["mass.protection"] = t => t.MassProtection(),
        ["push.encrypted"] = t => t.EncryptedPush(),
    };

    public static TheoryData<string> RuleIds() => new(WeChatSandboxRules.All.Select(r => r.Id));

    [Fact]
    public void EveryRuleHasAScenario() =>
        Assert.Equal(WeChatSandboxRules.All.Select(r => r.Id).Order(), Scenarios.Keys.Order());

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Rule(string id)
    {
        await sandbox.PostAsync("/sandbox/reset", null);
        await Scenarios[id](this);
    }

    public async Task InitializeAsync()
    {
        app = await LocalHost.BuildAsync([
            "--CHANNELS_BACKEND=memory", "--urls=http://127.0.0.1:0",
            $"--Channels:Storage:ConnectionString={shared.StorageConnectionString}", "--Channels:Storage:Prefix=wxconf",
            "--Channels:Sandbox:Embedded=true", "--CHANNELS_SANDBOX_PORT=0", "--Channels:Delivery:VerdictPollSeconds=0.2",
            "--Channels:Delivery:FirstRetrySeconds=0.2", "--Channels:Delivery:MaxRetrySeconds=1", "--Channels:Delivery:RecoveryRounds=0",
            "--Channels:WeChat:DigestEnabled=true", $"--Channels:WeChat:EventToken={EventToken}", "--Channels:WeChat:EventMode=safe",
            $"--Channels:WeChat:EncodingAESKey={AesKey}", $"--CHANNELS_KEY_ADMIN={ChannelsHost.AdminKey}", "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        baseUrl = app.Urls.First().TrimEnd('/');
        api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Add("x-api-key", ChannelsHost.AdminKey);
        var wechat = app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value.BaseUrl;
        sandbox = new HttpClient { BaseAddress = new Uri(wechat.Replace("/wechat/", "/", StringComparison.Ordinal)) };
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    WeChatClient Client => app.Services.GetRequiredService<WeChatClient>();

    async Task<string> TokenAsync(bool force = false)
    {
        var r = await sandbox.PostAsJsonAsync("/wechat/cgi-bin/stable_token",
            new { grant_type = "client_credential", appid = "wx-sandbox-appid", secret = "wx-sandbox-secret", force_refresh = force });
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    async Task<int> RawErrcodeAsync(string api, HttpContent content, string query = "")
    {
        using var r = await sandbox.PostAsync($"/wechat/cgi-bin/{api}?access_token={await TokenAsync()}{query}", content);
        var json = await r.Content.ReadFromJsonAsync<JsonElement>();
        return json.TryGetProperty("errcode", out var c) ? c.GetInt32() : 0;
    }

    static WeChatArticle Article(string title = "通知", string author = "芙蓉区", string digest = "摘要", string content = "<p>正文</p>") =>
        new(title, author, digest, content, "http://127.0.0.1/site/items/x.html", "");

    async Task<int> ClientDraftErrcodeAsync(WeChatArticle article)
    {
        var thumb = await Client.AddThumbAsync(DefaultCoverJpeg.Bytes, "cover.jpg", CancellationToken.None);
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => Client.AddDraftAsync(article with { thumb_media_id = thumb }, CancellationToken.None));
        Assert.True(e.IsContentRefusal && e.IsPermanent, $"{e.ErrCode} must be a permanent content refusal");
        Assert.StartsWith("微信平台拒收该图文", e.ContentReason(), StringComparison.Ordinal);
        return e.ErrCode;
    }

    async Task<HttpResponseMessage> SubmitAsync(PublicationItem item) =>
        await api.PostAsJsonAsync("/api/publications", item, ChannelsJson.Options);

    static PublicationItem Urgent(string prefix)
    {
        var now = DateTimeOffset.UtcNow;
        var item = Items.Approved(prefix);
        return item with
        {
            Channels = ["wechat"], Priority = "emergency", IncidentAt = now.AddMinutes(-10), PublishAt = now,
            Approval = item.Approval! with { ApprovedAt = now.AddMinutes(-1) },
        };
    }

    static async Task<string[]> ProblemFieldsAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    async Task<JsonElement> WeChatChannelAsync(string id, Func<JsonElement, bool> done)
    {
        for (var i = 0; i < 300; i++)
        {
            var view = await api.GetFromJsonAsync<JsonElement>($"/api/publications/{id}");
            if (view.TryGetProperty("channels", out var channels))
            {
                var wechat = channels.EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "wechat");
                if (done(wechat)) return wechat;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{id}: WeChat channel did not reach the expected state");
    }

    static string State(JsonElement channel) => channel.GetProperty("state").GetString()!;

    static string Error(JsonElement channel) => channel.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "";

    async Task<int> ArticlesCountedAsync() =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/statistics/{ChinaTime.YearOf(DateTimeOffset.UtcNow)}"))
            .GetProperty("wechat").GetProperty("articles").GetInt32();

    // ---- draft/add field limits -------------------------------------------------------------------------------

    async Task TitleLimit()
    {
        Assert.Equal(45003, await ClientDraftErrcodeAsync(Article(title: new string('通', 33))));
        var item = Urgent("wxconf-title") with { Title = new string('长', 40), WeChat = null };
        Assert.Contains("title", await ProblemFieldsAsync(await SubmitAsync(item)));
        var shortened = item with { WeChat = new WeChatRequest { Title = "防汛紧急通知" } };
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitAsync(shortened)).StatusCode);
        Assert.Equal("delivered", State(await WeChatChannelAsync(shortened.Id, c => State(c) is "delivered" or "failed")));
    }

    async Task AuthorLimit()
    {
        Assert.Equal(45110, await ClientDraftErrcodeAsync(Article(author: new string('芙', 17))));
        Assert.Contains("publisher", await ProblemFieldsAsync(await SubmitAsync(Urgent("wxconf-author") with { Publisher = new string('芙', 17) })));
    }

    async Task DigestLimit()
    {
        Assert.Equal(45004, await ClientDraftErrcodeAsync(Article(digest: new string('摘', 129))));
        Assert.Contains("summary", await ProblemFieldsAsync(await SubmitAsync(Urgent("wxconf-digest") with { Summary = new string('摘', 129) })));
        var withDigest = Urgent("wxconf-digest2") with { Summary = new string('摘', 129), WeChat = new WeChatRequest { Title = "通知", Digest = "简短摘要" } };
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitAsync(withDigest)).StatusCode);
    }

    async Task ContentLimit()
    {
        Assert.Equal(45002, await ClientDraftErrcodeAsync(Article(content: "<p>" + new string('文', 20_000) + "</p>")));
        Assert.Contains("body", await ProblemFieldsAsync(await SubmitAsync(Urgent("wxconf-body") with { Body = "<p>" + new string('文', 20_001) + "</p>" })));
    }

    async Task EscapesCounted()
    {
        // 10 characters written as \uXXXX escapes are 60 characters to the platform.
        var escaped = string.Concat(Enumerable.Repeat("\\u901a", 10));
        var thumb = await Client.AddThumbAsync(DefaultCoverJpeg.Bytes, "cover.jpg", CancellationToken.None);
        var raw = $$"""{"articles":[{"title":"{{escaped}}","content":"<p>x</p>","thumb_media_id":"{{thumb}}"}]}""";
        Assert.Equal(45003, await RawErrcodeAsync("draft/add", new StringContent(raw, Encoding.UTF8, "application/json")));
        // Our client writes raw UTF-8, emoji included: 30 characters (10 of them emoji) pass.
        var title = string.Concat(Enumerable.Repeat("通知😀", 10));
        Assert.DoesNotContain("\\u", WeChatJson.Serialize(new { title }), StringComparison.Ordinal);
        var draft = await Client.AddDraftAsync(Article(title: title) with { thumb_media_id = thumb }, CancellationToken.None);
        Assert.StartsWith("sandbox-draft-", draft, StringComparison.Ordinal);
    }

    // ---- uploads ------------------------------------------------------------------------------------------------

    async Task DotNetDefaultUpload()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DefaultCoverJpeg.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "media", "cover.jpg");
        Assert.Equal(41005, await RawErrcodeAsync("material/add_material", form, "&type=thumb"));
        Assert.Equal(41005, await RawErrcodeAsync("media/uploadimg", Shaped("name=media; filename=\"x.jpg\"")));
        Assert.StartsWith("sandbox-thumb-", await Client.AddThumbAsync(DefaultCoverJpeg.Bytes, "cover.jpg", CancellationToken.None), StringComparison.Ordinal);
        var image = await Client.UploadImageAsync(DefaultCoverJpeg.Bytes, "x.jpg", "image/jpeg", CancellationToken.None);
        Assert.StartsWith("http://mmbiz.qpic.cn/", image, StringComparison.Ordinal);
    }

    async Task FilenameStar()
    {
        Assert.Equal(40113, await RawErrcodeAsync("media/uploadimg", Shaped("name=\"media\"; filename*=utf-8''x.jpg")));
        Assert.Equal(0, await RawErrcodeAsync("media/uploadimg", Shaped("name=\"media\"; filename=\"x.jpg\"")));
    }

    static ByteArrayContent Shaped(string disposition)
    {
        const string boundary = "conformanceboundary";
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; {disposition}\r\nContent-Type: image/jpeg\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent([.. head, .. DefaultCoverJpeg.Bytes, .. tail]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    async Task OrdinaryModeSameToken()
    {
        var first = await TokenAsync();
        Assert.Equal(first, await TokenAsync()); // ordinary mode: the same token while valid — re-asking cannot cure a 40001
        var mark = (await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/wechat/journal")).GetArrayLength();

        // The platform rejects the client's token once: the client forces a refresh (force_refresh=true) and retries.
        await sandbox.PostAsJsonAsync("/sandbox/faults", new { channel = "wechat", api = "draft/batchget", kind = "error", code = 40001, count = 1 });
        await Client.BatchGetAsync("draft/batchget", 0, 1, CancellationToken.None);
        var calls = (await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/wechat/journal")).EnumerateArray().Skip(mark).ToList();
        var rejected = calls.FindIndex(c => c.GetProperty("api").GetString() == "draft/batchget" && c.GetProperty("outcome").GetString() == "fault:error");
        Assert.True(rejected >= 0);
        Assert.Contains(calls.Skip(rejected),
            c => c.GetProperty("api").GetString() == "stable_token" && c.GetProperty("detail").GetProperty("force_refresh").GetBoolean());
        Assert.Equal("ok", calls.Last(c => c.GetProperty("api").GetString() == "draft/batchget").GetProperty("outcome").GetString());
        Assert.NotEqual(first, await TokenAsync()); // the forced refresh revoked the old token
    }

    // ---- freepublish statuses --------------------------------------------------------------------------------------

    async Task PlannedPublishStatus(int status, string name, string words)
    {
        await sandbox.PutAsJsonAsync("/sandbox/wechat/verdicts", new { publish = new[] { status } });
        var before = await ArticlesCountedAsync();
        var item = Urgent("wxconf-st" + status);
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitAsync(item)).StatusCode);
        var channel = await WeChatChannelAsync(item.Id, c => State(c) is "delivered" or "failed");
        Assert.Equal("failed", State(channel));
        Assert.Contains(words, Error(channel), StringComparison.Ordinal);
        Assert.Contains($"publish_status {status}", Error(channel), StringComparison.Ordinal);
        Assert.Equal(name, WeChatPublishVerdict.Of(status).Name);
        Assert.Equal(before, await ArticlesCountedAsync());
    }

    async Task DeletedAfterPublish()
    {
        var thumb = await Client.AddThumbAsync(DefaultCoverJpeg.Bytes, "cover.jpg", CancellationToken.None);
        var media = await Client.AddDraftAsync(Article() with { thumb_media_id = thumb }, CancellationToken.None);
        var (publishId, _) = await Client.SubmitPublishAsync(media, CancellationToken.None);
        PublishStatus status;
        do status = await Client.GetPublishAsync(publishId, CancellationToken.None); while (status.Status == 1);
        await Client.DeletePublishedAsync(status.ArticleId!, CancellationToken.None);
        var after = await Client.GetPublishAsync(publishId, CancellationToken.None);
        Assert.Equal(5, after.Status);
        var verdict = WeChatPublishVerdict.Of(after.Status);
        Assert.False(verdict.Published);
        Assert.Equal("deleted-after-publish", verdict.Name);
    }

    // ---- mass sends ------------------------------------------------------------------------------------------------

    async Task<(PublicationItem Item, Task<string> Digest)> StartDigestAsync(string prefix, string date)
    {
        var item = Items.Approved(prefix) with { Channels = ["wechat"], PublishAt = DateTimeOffset.UtcNow };
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitAsync(item)).StatusCode);
        await WeChatChannelAsync(item.Id, c => State(c) == "queued-digest");
        using var started = await api.PostAsync($"/api/channels/wechat/digest?date={date}", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var client = app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
        return (item, Wait());

        async Task<string> Wait()
        {
            var done = await client.WaitForInstanceCompletionAsync("wechat-digest-" + date, getInputsAndOutputs: true,
                new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
            return done.SerializedOutput ?? "";
        }
    }

    async Task MassAsyncOutcome()
    {
        var before = await ArticlesCountedAsync();
        var (item, digest) = await StartDigestAsync("wxconf-mass", "2030-01-01");
        Assert.Equal("\"sent\"", await digest);
        Assert.Equal("delivered", State(await WeChatChannelAsync(item.Id, c => State(c) == "delivered")));
        var calls = (await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/wechat/journal")).EnumerateArray()
            .Select(c => c.GetProperty("api").GetString()).ToList();
        Assert.True(calls.Contains("message/mass/get") || calls.Contains("event/MASSSENDJOBFINISH"), "the verdict came from mass/get or the push");
        Assert.Equal(before + 1, await ArticlesCountedAsync());
    }

    async Task MassFailure()
    {
        await sandbox.PutAsJsonAsync("/sandbox/wechat/verdicts", new { mass = new[] { "err(20001)" } });
        var before = await ArticlesCountedAsync();
        var (item, digest) = await StartDigestAsync("wxconf-massfail", "2030-01-02");
        Assert.Equal("\"failed\"", await digest);
        var channel = await WeChatChannelAsync(item.Id, c => State(c) == "failed");
        Assert.Contains("群发", Error(channel), StringComparison.Ordinal);
        Assert.Equal(before, await ArticlesCountedAsync());
    }

    async Task MassProtection()
    {
        await sandbox.PutAsJsonAsync("/sandbox/wechat/verdicts", new { massProtection = true });
        var (item, digest) = await StartDigestAsync("wxconf-protect", "2030-01-03");
        var waiting = await WeChatChannelAsync(item.Id, c => State(c) == "awaiting-verdict");
        for (var i = 0; i < 100 && !(await HistoryAsync(item.Id)).Contains("群发保护", StringComparison.Ordinal); i++) await Task.Delay(100);
        Assert.Contains("群发保护", await HistoryAsync(item.Id), StringComparison.Ordinal); // visible to the channel admin
        Assert.Equal("awaiting-verdict", State(waiting));
        var msgId = (await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/wechat/journal")).EnumerateArray()
            .Last(c => c.GetProperty("api").GetString() == "message/mass/sendall").GetProperty("platformId").GetString();
        using var confirmed = await sandbox.PostAsync($"/sandbox/wechat/mass/{msgId}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("\"sent\"", await digest);
        Assert.Equal("delivered", State(await WeChatChannelAsync(item.Id, c => State(c) == "delivered")));
    }

    async Task<string> HistoryAsync(string id) => (await api.GetFromJsonAsync<JsonElement>($"/api/publications/{id}")).GetRawText();

    // ---- encrypted pushes ------------------------------------------------------------------------------------------

    async Task EncryptedPush()
    {
        using var crypto = await sandbox.PutAsJsonAsync("/sandbox/wechat/push-crypto", new { mode = "safe", aesKey = AesKey });
        Assert.Equal(HttpStatusCode.NoContent, crypto.StatusCode);
        using var push = await sandbox.PutAsJsonAsync("/sandbox/wechat/push", new { url = baseUrl + "/api/channels/wechat/events", token = EventToken });
        var item = Urgent("wxconf-aes");
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitAsync(item)).StatusCode);
        Assert.Equal("delivered", State(await WeChatChannelAsync(item.Id, c => State(c) is "delivered" or "failed")));
        JsonElement? pushed = null;
        for (var i = 0; i < 50 && pushed is null; i++, await Task.Delay(100))
        {
            pushed = (await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/wechat/journal")).EnumerateArray()
                .Where(c => c.GetProperty("api").GetString() == "event/PUBLISHJOBFINISH").Select(c => (JsonElement?)c).LastOrDefault();
        }

        Assert.Equal("200", pushed?.GetProperty("outcome").GetString()); // decrypted and accepted

        // Safe mode: a plaintext push is refused; the same encrypted push twice is a replay.
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string nonce = "conformance-nonce";
        var sig = WeChatEventSignature.Compute(EventToken, ts, nonce);
        const string xml = "<xml><ToUserName>gh</ToUserName><MsgType>event</MsgType><Event>VIEW</Event></xml>";
        using var plain = await api.PostAsync($"/api/channels/wechat/events?signature={sig}&timestamp={ts}&nonce={nonce}", new StringContent(xml));
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
        var encrypt = WeChatMessageCrypt.Encrypt(AesKey, "wx-sandbox-appid", xml);
        var url = $"/api/channels/wechat/events?signature={sig}&timestamp={ts}&nonce={nonce}&encrypt_type=aes"
            + $"&msg_signature={WeChatMessageCrypt.Signature(EventToken, ts, nonce, encrypt)}";
        var body = $"<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        using var first = await api.PostAsync(url, new StringContent(body));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var replay = await api.PostAsync(url, new StringContent(body));
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        await sandbox.DeleteAsync("/sandbox/wechat/push");
    }
}
