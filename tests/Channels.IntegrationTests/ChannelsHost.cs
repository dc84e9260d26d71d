using System.Net.Http.Json;
using System.Text.Json;
using Channels.Local;
using Channels.Publishing.Channels.Weibo;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>
/// Azurite + the local host (real Durable runtime, memory backend) + the embedded sandbox, each on its own
/// loopback port, shared by the integration tests. Everything between them is real HTTP.
/// </summary>
public class ChannelsHost : IAsyncLifetime
{
    /// <summary>Weibo pacing in tests: this many posts per <see cref="WeiboWindowSeconds"/> (an hour in production).</summary>
    public const int WeiboPostsPerWindow = 3;
    public const int WeiboWindowSeconds = 2;

    /// <summary>Role keys of the test host; <see cref="Api"/> sends the admin key.</summary>
    public const string AdminKey = "test-admin-key-0123456789";
    public const string EditorKey = "test-editor-key-0123456789";
    public const string ReaderKey = "test-reader-key-0123456789";

    /// <summary>The duty officer who gets the emergency clock's escalation SMS.</summary>
    public const string DutyOfficer = "13900000009";

    /// <summary>How long an SMS batch of unknown outcome waits for a trace before it is sent (Channels:Sms:UnknownBatchGraceHours).</summary>
    public const int SmsGraceSeconds = 6;

    /// <summary>A quota or rate limit defers a delivery this long in tests (a minute to a day in production).</summary>
    public const double QuotaDeferSeconds = 1;

    /// <summary>The Token of the WeChat server configuration: PUBLISHJOBFINISH pushes are signed with it.</summary>
    public const string WeChatEventToken = "test-wechat-event-token";

    /// <summary>The secret the SMS receipt callback URL carries.</summary>
    public const string SmsCallbackToken = "test-callback-token";

    AzuriteProcess? azurite;
    WebApplication? app;

    public HttpClient Api { get; private set; } = null!;

    /// <summary>Everything the host logged so far.</summary>
    public LogCapture Logs { get; } = new();
    public HttpClient Sandbox { get; private set; } = null!;
    public string StorageConnectionString => azurite!.ConnectionString;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        app = await LocalHost.BuildAsync([
            "--CHANNELS_BACKEND=memory", // the in-memory Durable engine, by name (the local default is azurestorage)
            "--urls=http://127.0.0.1:0",
            $"--Channels:Storage:ConnectionString={azurite.ConnectionString}",
            "--Channels:Sandbox:Embedded=true",
            "--CHANNELS_SANDBOX_PORT=0",
            "--Channels:Website:BaseUrl=http://127.0.0.1:7071/site",
            "--Channels:Delivery:VerdictPollSeconds=0.2",
            "--Channels:Delivery:VerdictPollMaxSeconds=1",
            "--Channels:Delivery:VerdictWindowSeconds=40",
            "--Channels:Delivery:FirstRetrySeconds=0.2",
            "--Channels:Delivery:MaxRetrySeconds=1",
            "--Channels:Delivery:MaxAttempts=4",
            "--Channels:Delivery:RecoveryRounds=0",
            $"--Channels:Delivery:QuotaDeferCapSeconds={QuotaDeferSeconds}",
            "--Channels:Sms:SendFromHour=0",
            "--Channels:Sms:SendUntilHour=24",
            $"--Channels:Weibo:PostsPerHour={WeiboPostsPerWindow}",
            $"--Channels:Weibo:WindowSeconds={WeiboWindowSeconds}",
            "--Logging:LogLevel:Default=Warning",
            "--Channels:WeChat:DigestEnabled=false",
            $"--Channels:Emergency:DutyOfficers:0={DutyOfficer}",
            $"--Channels:Sms:CallbackToken={SmsCallbackToken}",
            "--Channels:Sms:FollowUpSeconds=0.5",
            "--Channels:Sms:UnknownBatchGraceHours=" + (SmsGraceSeconds / 3600.0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"--Channels:WeChat:EventToken={WeChatEventToken}",
            $"--CHANNELS_KEY_ADMIN={AdminKey}",
            $"--CHANNELS_KEY_EDITOR={EditorKey}",
            $"--CHANNELS_KEY_READER={ReaderKey}",
            .. ExtraArgs,
        ], builder =>
        {
            builder.Logging.AddProvider(Logs);
            // Everything of ours and of the HTTP clients down to Debug; ASP.NET's own request lines at the level the
            // hosts log them (Warning: LocalHost; the Functions host does not log request URLs).
            builder.Logging.AddFilter<LogCapture>(null, Microsoft.Extensions.Logging.LogLevel.Debug);
            builder.Logging.AddFilter<LogCapture>("Microsoft.AspNetCore", Microsoft.Extensions.Logging.LogLevel.Warning);
            AddServices(builder.Services);
        });
        await app.StartAsync();
        Api = Client(AdminKey);
        var weibo = app.Services.GetRequiredService<IOptions<WeiboOptions>>().Value.BaseUrl;
        Sandbox = new HttpClient { BaseAddress = new Uri(weibo.Replace("/weibo/", "/", StringComparison.Ordinal)), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Settings a derived host adds (another district's identity and columns); they win over the ones above.</summary>
    protected virtual IEnumerable<string> ExtraArgs => [];

    /// <summary>Services a derived host registers before the core's (another channel: its registration line).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public string BaseUrl => app!.Urls.First();

    /// <summary>The host's services (options, to know the configured secrets).</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>The host's Durable client (to look at orchestration instances).</summary>
    public Microsoft.DurableTask.Client.DurableTaskClient Durable => app!.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();

    /// <summary>A client of the API sending <paramref name="key"/> (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null) http.DefaultRequestHeaders.Add("x-api-key", key);
        return http;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (azurite is not null) await azurite.DisposeAsync();
    }

    public Task<HttpResponseMessage> PostAsync(PublicationItem item) =>
        Api.PostAsync("/api/publications", new StringContent(JsonSerializer.Serialize(item, ChannelsJson.Options), System.Text.Encoding.UTF8,
            "application/json"));

    /// <summary>Polls the publication until its status is final (or 60 s pass).</summary>
    public Task<JsonElement> WaitFinalAsync(string id) => WaitStatusAsync(id, "delivered", "failed", "partially-failed", "retracted", "cancelled");

    /// <summary>Polls the publication until its status is one of <paramref name="statuses"/> (or 60 s pass).</summary>
    public Task<JsonElement> WaitStatusAsync(string id, params string[] statuses) =>
        Eventually.LastAsync(() => Api.GetFromJsonAsync<JsonElement>($"/api/publications/{id}"),
            view => statuses.Contains(view.GetProperty("status").GetString()), TimeSpan.FromSeconds(60));

    public async Task<JsonElement> StatisticsAsync(int year) => await Api.GetFromJsonAsync<JsonElement>($"/api/statistics/{year}");

    /// <summary>Sandbox journal entries of a channel whose detail mentions <paramref name="needle"/>.</summary>
    public async Task<List<JsonElement>> JournalAsync(string channel, string needle)
    {
        var all = await Sandbox.GetFromJsonAsync<JsonElement>($"/sandbox/{channel}/journal");
        return all.EnumerateArray().Where(e => e.GetRawText().Contains(needle, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Every sandbox journal entry of a channel (or of all channels), in order.</summary>
    public async Task<List<JsonElement>> JournalAllAsync(string? channel = null)
    {
        var all = await Sandbox.GetFromJsonAsync<JsonElement>(channel is null ? "/sandbox/journal" : $"/sandbox/{channel}/journal");
        return all.EnumerateArray().ToList();
    }

    /// <summary>A published WeChat article as the sandbox holds it (freepublish/getarticle, with a token of the sandbox's account): news_item[0].</summary>
    public async Task<JsonElement> WeChatArticleAsync(string articleId)
    {
        var token = await Sandbox.PostAsJsonAsync("/wechat/cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx-sandbox-appid",
            secret = "wx-sandbox-secret" });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var article = await Sandbox.PostAsJsonAsync($"/wechat/cgi-bin/freepublish/getarticle?access_token={accessToken}", new { article_id = articleId });
        return (await article.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("news_item")[0];
    }

    /// <summary>The highest journal seq so far: entries after it belong to what a test does next.</summary>
    public async Task<long> JournalMarkAsync() =>
        (await JournalAllAsync()).Select(e => e.GetProperty("seq").GetInt64()).DefaultIfEmpty(0).Max();

    /// <summary>The active and used-up fault rules, with their hit counts.</summary>
    public async Task<List<JsonElement>> FaultsAsync() =>
        (await Sandbox.GetFromJsonAsync<JsonElement>("/sandbox/faults")).EnumerateArray().ToList();

    public Task ExpireWeChatTokensAsync() => Sandbox.PostAsync("/sandbox/wechat/expire-tokens", null);

    public Task InjectAsync(object fault) => Sandbox.PostAsJsonAsync("/sandbox/faults", fault);

    public Task ClearFaultsAsync() => Sandbox.DeleteAsync("/sandbox/faults");
}

[CollectionDefinition(Name)]
public sealed class ChannelsCollection : ICollectionFixture<ChannelsHost>
{
    public const string Name = "channels";
}
