using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Local;
using Channels.Publishing.Orchestration;
using Channels.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests;

/// <summary>
/// Verdicts are events: a host whose fallback poll waits ten minutes, a sandbox whose freepublish/get never reports a
/// verdict by itself and whose signed PUBLISHJOBFINISH push comes 1.5 s after the submit. The item is delivered within
/// seconds, so only the push → ledger → event → check path can have finished it — on both Durable backends.
/// </summary>
[Collection(ChannelsCollection.Name)]
public sealed class VerdictEventTests(ChannelsHost shared, Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("memory")]
    [InlineData("azurestorage")]
    public async Task SignedPush_WakesTheVerdictWait_DeliveredLongBeforeAnyFallbackPoll(string backend)
    {
        var sandbox = SandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Sandbox:WeChatPublishPollsBeforeVerdict=1000000", "--Sandbox:WeChatPushDelayMs=1500"]);
        await sandbox.StartAsync();
        var sandboxUrl = sandbox.Urls.First().TrimEnd('/');
        var app = await LocalHost.BuildAsync([
            "--urls=http://127.0.0.1:0", "--Channels:Profile=sandbox",
            $"--CHANNELS_BACKEND={backend}", $"--Channels:Storage:ConnectionString={shared.StorageConnectionString}",
            $"--Channels:Storage:Prefix=verdict{backend[..3]}", $"--Channels:WeChat:BaseUrl={sandboxUrl}/wechat/",
            $"--Channels:Weibo:BaseUrl={sandboxUrl}/weibo/",
            $"--Channels:Sms:BaseUrl={sandboxUrl}/sms/", "--Channels:Delivery:VerdictPollSeconds=600", "--Channels:Delivery:VerdictPollMaxSeconds=600",
            "--Channels:Delivery:FirstRetrySeconds=0.2", "--Channels:Delivery:MaxRetrySeconds=1", "--Channels:WeChat:DigestEnabled=false",
            $"--Channels:WeChat:EventToken={ChannelsHost.WeChatEventToken}", $"--CHANNELS_KEY_ADMIN={ChannelsHost.AdminKey}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        try
        {
            using var sandboxHttp = new HttpClient { BaseAddress = new Uri(sandboxUrl) };
            using var configured = await sandboxHttp.PutAsJsonAsync("/sandbox/wechat/push",
                new { url = app.Urls.First().TrimEnd('/') + "/api/channels/wechat/events", token = ChannelsHost.WeChatEventToken });
            Assert.Equal(HttpStatusCode.NoContent, configured.StatusCode);
            using var api = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            api.DefaultRequestHeaders.Add("x-api-key", ChannelsHost.AdminKey);
            var item = Items.Approved("verdictevt") with { Channels = ["wechat"] };
            var clock = Stopwatch.StartNew();

            using var posted = await api.PostAsync("/api/publications", new StringContent(
                JsonSerializer.Serialize(item, Publishing.Items.ChannelsJson.Options), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            var durable = app.Services.GetRequiredService<DurableTaskClient>();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var done = await durable.WaitForInstanceCompletionAsync("pub-" + item.Id, getInputsAndOutputs: false, patience.Token);
            clock.Stop();
            output.WriteLine($"{backend}: submitted to delivered in {clock.Elapsed.TotalSeconds:F1} s "
                + "(push sent 1.5 s after the submit; first fallback poll due at 600 s)");

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}"); // the first fallback poll was due after 600 s
            var view = await api.GetFromJsonAsync<JsonElement>($"/api/publications/{item.Id}");
            Assert.Equal("delivered", view.GetProperty("status").GetString());
            var waiter = await durable.GetInstanceAsync(VerdictSignal.WaiterId("pub-" + item.Id, "wechat"));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, waiter?.RuntimeStatus); // the wait ran, and ended
            var journal = (await sandboxHttp.GetFromJsonAsync<JsonElement>("/sandbox/wechat/journal")).EnumerateArray().ToList();
            var push = Assert.Single(journal, e => e.GetProperty("api").GetString() == "event/PUBLISHJOBFINISH");
            Assert.Equal("200", push.GetProperty("outcome").GetString());
            // The opening check asked once (still publishing); the woken check read the ledger without asking again.
            Assert.True(journal.Count(e => e.GetProperty("api").GetString() == "freepublish/get") <= 1);
            var stats = await api.GetFromJsonAsync<JsonElement>("/api/statistics/2017");
            Assert.Equal(1, stats.GetProperty("wechat").GetProperty("articles").GetInt32());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await sandbox.StopAsync();
            await sandbox.DisposeAsync();
        }
    }
}
