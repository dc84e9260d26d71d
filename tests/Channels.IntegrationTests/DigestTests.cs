using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Local;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.IntegrationTests;

/// <summary>
/// The WeChat daily digest on a host of its own (digest on; the shared host publishes WeChat items one by one): ordinary
/// items wait, a digest with no quota left (45028) defers them to the next day with the reason, the next digest's lost
/// answer is reconciled by clientmsgid (45065) — one mass send in the journal, every article counted once.
/// </summary>
[Collection(ChannelsCollection.Name)]
public sealed class DigestTests(ChannelsHost shared) : IAsyncLifetime
{
    WebApplication app = null!;
    HttpClient api = null!;
    HttpClient sandbox = null!;
    string? LastDigest;

    public async Task InitializeAsync()
    {
        app = await LocalHost.BuildAsync([
            "--CHANNELS_BACKEND=memory", // the in-memory Durable engine, by name (the local default is azurestorage)
            "--urls=http://127.0.0.1:0", $"--Channels:Storage:ConnectionString={shared.StorageConnectionString}", "--Channels:Storage:Prefix=digest",
            "--Channels:Sandbox:Embedded=true", "--CHANNELS_SANDBOX_PORT=0", "--Channels:Delivery:VerdictPollSeconds=0.2",
            "--Channels:Delivery:VerdictPollMaxSeconds=1",
            "--Channels:Delivery:FirstRetrySeconds=0.2", "--Channels:Delivery:MaxRetrySeconds=1", "--Channels:Delivery:RecoveryRounds=0",
                "--Channels:WeChat:DigestEnabled=true",
            "--Channels:WeChat:DigestMaxArticles=2", $"--CHANNELS_KEY_ADMIN={ChannelsHost.AdminKey}", "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        api = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        api.DefaultRequestHeaders.Add("x-api-key", ChannelsHost.AdminKey);
        var wechat = app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value.BaseUrl;
        sandbox = new HttpClient { BaseAddress = new Uri(wechat.Replace("/wechat/", "/", StringComparison.Ordinal)) };
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    async Task<JsonElement> ViewAsync(string id) => await api.GetFromJsonAsync<JsonElement>($"/api/publications/{id}");

    static string WeChatState(JsonElement view) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "wechat").GetProperty("state").GetString()!;

    Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> done) => Eventually.LastAsync(() => ViewAsync(id), done);

    async Task DigestAsync(string date)
    {
        using var started = await api.PostAsync($"/api/channels/wechat/digest?date={date}", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var client = app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
        var done = await client.WaitForInstanceCompletionAsync("wechat-digest-" + date, getInputsAndOutputs: true,
            new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(done.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed,
            $"digest {date}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}");
        LastDigest = done.SerializedOutput;
    }

    [Fact]
    public async Task OrdinaryItemsWaitForTheDigest_NoQuotaDefers_LostAnswerReconciled_OneMassSend()
    {
        var items = Enumerable.Range(0, 3).Select(i => Items.Approved($"dg{i}") with { Channels = ["wechat"] }).ToList();
        var urgent = Items.Approved("dgurgent") with
        {
            Channels = ["wechat"], Priority = "emergency", IncidentAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            PublishAt = DateTimeOffset.UtcNow, Approval = items[0].Approval! with { ApprovedAt = DateTimeOffset.UtcNow.AddMinutes(-1) },
        };
        foreach (var item in items.Append(urgent))
        {
            using var r = await api.PostAsJsonAsync("/api/publications", item, ChannelsJson.Options);
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        }

        Assert.Equal("delivered", WeChatState(await WaitAsync(urgent.Id, v => WeChatState(v) == "delivered")));
        foreach (var item in items) Assert.Equal("queued-digest", WeChatState(await WaitAsync(item.Id, v => WeChatState(v) == "queued-digest")));

        // Day 1: the quota is gone (an earlier send that day) — nothing goes out, the items wait with the reason.
        await sandbox.PostAsJsonAsync("/sandbox/faults", new { channel = "wechat", api = "message/mass/sendall", kind = "error", code = 45028, count = 1 });
        await DigestAsync("2017-05-10");
        var waiting = await ViewAsync(items[0].Id);
        Assert.Equal("queued-digest", WeChatState(waiting));
        Assert.True(LastDigest == "\"deferred\"", $"digest: {LastDigest} {waiting}");
        Assert.Contains(waiting.GetProperty("history").EnumerateArray(), h => h.TryGetProperty("note", out var n) && n.GetString()!.Contains("45028",
            StringComparison.Ordinal));

        // Day 2: the send commits but its answer is lost; the retry's clientmsgid answers 45065 — no second send.
        await sandbox.PostAsJsonAsync("/sandbox/faults", new { channel = "wechat", api = "message/mass/sendall", kind = "drop-after-commit", count = 1 });
        await DigestAsync("2017-05-11");
        var states = new List<string>();
        foreach (var item in items) states.Add(WeChatState(await ViewAsync(item.Id)));
        Assert.Equal(["delivered", "delivered", "queued-digest"], states.Order()); // 2 articles per digest here: one waits for the next

        var journal = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/wechat/journal");
        var sends = journal.EnumerateArray().Where(e => e.GetProperty("api").GetString() == "message/mass/sendall").ToList();
        Assert.Single(sends, e => e.GetProperty("outcome").GetString() == "ok");
        Assert.Contains(sends, e => e.GetProperty("outcome").GetString() == "45065");

        // Articles count in the year of their publishAt (2017); the mass send in the year it was sent (now, UTC+8).
        var y2017 = await api.GetFromJsonAsync<JsonElement>("/api/statistics/2017");
        Assert.Equal(2, y2017.GetProperty("wechat").GetProperty("articles").GetInt32());
        var thisYear = await api.GetFromJsonAsync<JsonElement>($"/api/statistics/{ChinaTime.YearOf(DateTimeOffset.UtcNow)}");
        Assert.Equal(1, thisYear.GetProperty("wechat").GetProperty("massSends").GetInt32());
    }
}
