using System.Net;
using Azure.Storage.Blobs;

namespace Channels.IntegrationTests.Hostile;

/// <summary>Every kind of response the local host serves carries nosniff, a Referrer-Policy and a CSP from default-src 'none'.</summary>
[Collection(ChannelsCollection.Name)]
public class HeadersTests(ChannelsHost host)
{
    static void AssertHeaders(HttpResponseMessage r, string what, bool page)
    {
        Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(r.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(r.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        if (page) Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        else Assert.Contains("sandbox", csp, StringComparison.Ordinal);
        Assert.True(r.Content.Headers.ContentType is not null, what);
    }

    [Fact]
    public async Task SitePagesExportsProofReportsApiAndRefusals_AllCarryTheHeaders()
    {
        var item = Items.Approved("headers") with { Channels = ["website", "bulletin"] };
        await host.PostAsync(item);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        using var anonymous = host.Client(null);
        var pages = new[]
        {
            $"/site/items/{item.Id}.html", "/site/", "/site/no-such-page.html", $"/api/publications/{item.Id}/proof?format=html", "/api/reports/2017",
        };
        foreach (var path in pages)
        {
            using var r = await host.Api.GetAsync(path);
            Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
            AssertHeaders(r, path, page: true);
        }

        var export = $"2017-05-10/{item.Id}.html";
        using (var r = await host.Api.GetAsync("/bulletin/" + export)) AssertHeaders(r, export, page: true);

        foreach (var path in new[] { "/api/whoami", $"/api/publications/{item.Id}", $"/api/publications/{item.Id}/proof", "/site/sitemap.xml" })
        {
            using var r = await host.Api.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            AssertHeaders(r, path, page: false);
        }

        using (var r = await anonymous.GetAsync("/api/publications")) AssertHeaders(r, "401", page: false);
        using (var r = await anonymous.GetAsync("/api/health")) AssertHeaders(r, "health", page: false);
        using (var r = await anonymous.GetAsync("/dashboard/"))
        {
            Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(r.Headers.GetValues("Referrer-Policy")));
            Assert.StartsWith("default-src 'none'; script-src 'self'", Assert.Single(r.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GazetteGet_WritesNothing_RebuildIsAnAdminPost()
    {
        var item = BulletinTests.BulletinItem("gaz", new DateTimeOffset(2013, 6, 3, 9, 0, 0, TimeSpan.FromHours(8)), ["区政务中心信息公告栏"], "行政规范性文件");
        await host.PostAsync(item);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        var blob = new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("bulletin").GetBlobClient("2013/06/gazette.html");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag;

        using var reader = host.Client(ChannelsHost.ReaderKey);
        using (var read = await reader.GetAsync("/api/bulletin/gazette/2013/06"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains("\"exists\":true", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(etag, (await blob.GetPropertiesAsync()).Value.ETag);
        using (var refused = await reader.PostAsync("/api/bulletin/gazette/2013/06", null)) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var editor = host.Client(ChannelsHost.EditorKey))
        using (var refused = await editor.PostAsync("/api/bulletin/gazette/2013/06", null)) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(etag, (await blob.GetPropertiesAsync()).Value.ETag);
        using (var rebuilt = await host.Api.PostAsync("/api/bulletin/gazette/2013/06", null)) Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
    }
}
