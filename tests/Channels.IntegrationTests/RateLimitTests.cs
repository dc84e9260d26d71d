using System.Net;
using System.Text;
using System.Text.Json;
using Channels.Local;
using Channels.Publishing.Api.Limits;
using Microsoft.AspNetCore.Builder;

namespace Channels.IntegrationTests;

/// <summary>
/// A second local host with low limits and no loopback exemption: a client over its budget gets 429 problem+json
/// with Retry-After; reads and writes, and each role, have their own bucket; made-up keys share the anonymous one.
/// (The shared host keeps the defaults, under which loopback — every test — is exempt.)
/// </summary>
[Collection(ChannelsCollection.Name)]
public class RateLimitTests(ChannelsHost host)
{
    const int Reads = 5;
    const int Writes = 3;

    [Fact]
    public async Task OverTheLimit_429ProblemWithRetryAfter_PerKindAndRole()
    {
        var app = await LocalHost.BuildAsync([
            "--CHANNELS_BACKEND=memory", // the in-memory Durable engine, by name (the local default is azurestorage)
            "--urls=http://127.0.0.1:0",
            $"--Channels:Storage:ConnectionString={host.StorageConnectionString}",
            "--Channels:Storage:Prefix=ratelimit",
            "--Channels:Profile=sandbox", // no sandbox runs here: the profile only supplies the channel settings
            "--Channels:RateLimit:ExemptLoopback=false",
            $"--Channels:RateLimit:ReadPermitsPerMinute={Reads}",
            $"--Channels:RateLimit:ReadBurst={Reads}",
            $"--Channels:RateLimit:WritePermitsPerMinute={Writes}",
            $"--Channels:RateLimit:WriteBurst={Writes}",
            "--Logging:LogLevel:Default=Warning",
            $"--CHANNELS_KEY_ADMIN={ChannelsHost.AdminKey}",
            $"--CHANNELS_KEY_EDITOR={ChannelsHost.EditorKey}",
        ]);
        await app.StartAsync();
        try
        {
            using var admin = Client(app, ChannelsHost.AdminKey);
            for (var i = 0; i < Reads; i++) Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/whoami")).StatusCode);
            await AssertLimitedAsync(await admin.GetAsync("/api/whoami"));

            for (var i = 0; i < Writes; i++) Assert.Equal(HttpStatusCode.BadRequest, (await PostBrokenAsync(admin)).StatusCode);
            await AssertLimitedAsync(await PostBrokenAsync(admin));

            using var editor = Client(app, ChannelsHost.EditorKey);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/whoami")).StatusCode);

            for (var i = 0; i < Reads; i++)
            {
                using var madeUp = Client(app, Guid.NewGuid().ToString("N"));
                Assert.Equal(HttpStatusCode.Unauthorized, (await madeUp.GetAsync("/api/whoami")).StatusCode);
            }

            using var another = Client(app, Guid.NewGuid().ToString("N"));
            await AssertLimitedAsync(await another.GetAsync("/api/whoami"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ChannelsRateLimiter.Title, problem.GetProperty("title").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }

    static Task<HttpResponseMessage> PostBrokenAsync(HttpClient client) =>
        client.PostAsync("/api/publications", new StringContent("{", Encoding.UTF8, "application/json"));

    static HttpClient Client(WebApplication app, string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", key);
        return http;
    }
}
