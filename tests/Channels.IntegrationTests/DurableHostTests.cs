using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Channels.Local;
using Channels.Publishing.Api;
using Channels.Publishing.Items;
using Channels.Publishing.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Channels.IntegrationTests;

/// <summary>
/// A second local host on the default Durable backend (azurestorage on the tests' Azurite): the retention purge removes a
/// finished instance's history and a re-submission of that item does not publish it again; and, with every Easy Auth
/// signal an attacker could fake set (TrustEasyAuthPrincipal and the platform's environment variables), the local host
/// still refuses a forged X-MS-CLIENT-PRINCIPAL.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class DurableHostTests(ChannelsHost host)
{
    [Fact]
    public async Task DefaultBackend_Purge_RemovesFinishedHistory_ResubmissionPublishesNothing_ForgedPrincipalRefused()
    {
        var saved = (Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED"), Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME"));
        Environment.SetEnvironmentVariable("WEBSITE_AUTH_ENABLED", "True");
        Environment.SetEnvironmentVariable("WEBSITE_SITE_NAME", "func-channels-forged");
        WebApplication? app = null;
        try
        {
            app = await LocalHost.BuildAsync([
                "--urls=http://127.0.0.1:0", $"--Channels:Storage:ConnectionString={host.StorageConnectionString}", "--Channels:Storage:Prefix=durable",
                // The shared host's sandbox, so its journal shows what this host posted.
                "--Channels:Sandbox:Embedded=false", "--Channels:Profile=sandbox", $"--Channels:WeChat:BaseUrl={host.Sandbox.BaseAddress}wechat/",
                $"--Channels:Weibo:BaseUrl={host.Sandbox.BaseAddress}weibo/", $"--Channels:Sms:BaseUrl={host.Sandbox.BaseAddress}sms/",
                "--Channels:Delivery:VerdictPollSeconds=0.2",
                "--Channels:Delivery:FirstRetrySeconds=0.2", "--Channels:Delivery:MaxRetrySeconds=1", "--Channels:Delivery:RecoveryRounds=0",
                "--Channels:WeChat:DigestEnabled=false", "--Channels:Sms:SendFromHour=0", "--Channels:Sms:SendUntilHour=24",
                "--Channels:Weibo:WindowSeconds=1", "--Logging:LogLevel:Default=Warning", "--Channels:Access:TrustEasyAuthPrincipal=true",
                $"--CHANNELS_KEY_ADMIN={ChannelsHost.AdminKey}",
            ]);
            await app.StartAsync();
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            using var api = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };

            // Easy Auth: the principal header alone gets 401 on the local host.
            using (var forged = new HttpRequestMessage(HttpMethod.Get, "/api/whoami"))
            {
                forged.Headers.Add("X-MS-CLIENT-PRINCIPAL",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"claims":[{"typ":"roles","val":"Channels.Admin"}]}""")));
                using var refused = await api.SendAsync(forged);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            api.DefaultRequestHeaders.Add("x-api-key", ChannelsHost.AdminKey);
            var item = Items.Approved("purge") with { Channels = [ChannelNames.Website, ChannelNames.Weibo] };
            Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(api, item)).StatusCode);
            Assert.Equal("delivered", await WaitFinalAsync(api, item.Id));
            var instanceId = PublicationsApi.InstanceId(item.Id);
            await WaitAsync(async () => (await client.GetInstanceAsync(instanceId))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed);

            // Within the retention nothing goes; 91 days later the finished instance's history does.
            var retention = Options.Create(new PurgeOptions { RetentionDays = 90 });
            Assert.Equal(0, await new InstancePurge(retention, TimeProvider.System, NullLogger<InstancePurge>.Instance).RunAsync(client,
                CancellationToken.None));
            Assert.NotNull(await client.GetInstanceAsync(instanceId));
            var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(91));
            Assert.True(await new InstancePurge(retention, later, NullLogger<InstancePurge>.Instance).RunAsync(client, CancellationToken.None) >= 1);
            Assert.Null(await client.GetInstanceAsync(instanceId));

            // The editor's client sends the same item again: accepted as a duplicate, nothing started, nothing posted twice.
            var mark = await host.JournalMarkAsync();
            var again = await PostAsync(api, item);
            Assert.True(again.IsSuccessStatusCode, $"re-submission: {(int)again.StatusCode}");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Null(await client.GetInstanceAsync(instanceId));
            var view = await api.GetFromJsonAsync<JsonElement>($"/api/publications/{item.Id}");
            Assert.Equal("delivered", view.GetProperty("status").GetString());
            Assert.DoesNotContain(await host.JournalAllAsync(), e => e.GetProperty("seq").GetInt64() > mark && e.GetRawText().Contains(item.Id,
                StringComparison.Ordinal));
            Assert.Single(await host.JournalAsync("weibo", item.Id), e => e.GetProperty("outcome").GetString() == "ok");
        }
        finally
        {
            Environment.SetEnvironmentVariable("WEBSITE_AUTH_ENABLED", saved.Item1);
            Environment.SetEnvironmentVariable("WEBSITE_SITE_NAME", saved.Item2);
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    static Task<HttpResponseMessage> PostAsync(HttpClient api, PublicationItem item) =>
        api.PostAsync("/api/publications", new StringContent(JsonSerializer.Serialize(item, ChannelsJson.Options), Encoding.UTF8, "application/json"));

    static async Task<string?> WaitFinalAsync(HttpClient api, string id)
    {
        string? status = null;
        await WaitAsync(async () =>
        {
            status = (await api.GetFromJsonAsync<JsonElement>($"/api/publications/{id}")).GetProperty("status").GetString();
            return status is "delivered" or "failed" or "partially-failed";
        });
        return status;
    }

    static async Task WaitAsync(Func<Task<bool>> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (!await done() && DateTimeOffset.UtcNow < deadline) await Task.Delay(200);
    }
}
