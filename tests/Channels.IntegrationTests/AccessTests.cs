using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests;

/// <summary>Roles on every endpoint: no or unknown key → 401, too small a role → 403, as problem+json; nothing happens.</summary>
[Collection(ChannelsCollection.Name)]
public class AccessTests(ChannelsHost host)
{
    public static TheoryData<string, string, string> Endpoints => new()
    {
        // method, path, the smallest role that may call it
        { "GET", "/api/publications", "reader" },
        { "GET", "/api/publications/none-such", "reader" },
        { "GET", "/api/publications/none-such/proof", "reader" },
        { "GET", "/api/statistics/2017", "reader" },
        { "GET", "/api/reports/2017", "reader" },
        { "GET", "/api/channels/health", "reader" },
        { "GET", "/api/whoami", "reader" },
        { "POST", "/api/publications", "editor" },
        { "POST", "/api/publications/none-such/channels/weibo/retry", "admin" },
        { "POST", "/api/publications/none-such/retract", "admin" },
        { "POST", "/api/channels/weibo/resume", "admin" },
    };

    static string? KeyFor(string role) => role switch
    {
        "admin" => ChannelsHost.AdminKey,
        "editor" => ChannelsHost.EditorKey,
        "reader" => ChannelsHost.ReaderKey,
        _ => null,
    };

    static readonly string[] Roles = ["reader", "editor", "admin"];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpoint_401WithoutKey_403BelowItsRole_AllowedFromItsRoleUp(string method, string path, string minimum)
    {
        foreach (var key in new[] { null, "wrong-key" })
        {
            using var response = await SendAsync(key, method, path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var rank = Array.IndexOf(Roles, minimum);
        for (var i = 0; i < Roles.Length; i++)
        {
            using var response = await SendAsync(KeyFor(Roles[i]), method, path);
            if (i < rank)
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Contains("无权", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            else
            {
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task RefusedSubmission_StartsNothing_WritesNothing()
    {
        var item = Items.Approved("acl");
        foreach (var key in new[] { null, ChannelsHost.ReaderKey })
        {
            using var response = await SendAsync(key, "POST", "/api/publications", item);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        }

        using var lookup = await host.Api.GetAsync($"/api/publications/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Empty(await host.JournalAsync("weibo", item.Id));
    }

    [Theory]
    [InlineData(ChannelsHost.AdminKey, "admin")]
    [InlineData(ChannelsHost.EditorKey, "editor")]
    [InlineData(ChannelsHost.ReaderKey, "reader")]
    public async Task WhoAmI_NamesTheRole(string key, string role)
    {
        using var client = host.Client(key);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/whoami");
        Assert.Equal(role, me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task HealthProbeAndDashboardPage_NeedNoKey()
    {
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
        using var page = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("zh-CN", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    async Task<HttpResponseMessage> SendAsync(string? key, string method, string path, PublicationItem? item = null)
    {
        using var client = host.Client(key);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            var body = item is null ? "{\"reason\":\"测试\"}" : JsonSerializer.Serialize(item, ChannelsJson.Options);
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
