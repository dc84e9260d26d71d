using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Channels.IntegrationTests.Columns;

/// <summary>A host of its own whose catalogue the tests replace through the API (the shared host keeps the default one).</summary>
public sealed class CatalogueHost : ChannelsHost;

[CollectionDefinition(Name)]
public sealed class CatalogueCollection : ICollectionFixture<CatalogueHost>
{
    public const string Name = "catalogue";
}

/// <summary>GET/PUT /api/columns and /api/columns/history: roles, refusals, rename, retire, and what they do to pages and counts.</summary>
[Collection(CatalogueCollection.Name)]
public class CatalogueApiTests(CatalogueHost host)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    static object Column(string name, string? kind = null, string? slug = null) => new { name, kind, slug };

    async Task<HttpResponseMessage> PutAsync(params object[] columns) => await host.Api.PutAsJsonAsync("/api/columns", new { columns });

    async Task<string> PublishAsync(string prefix, DateTimeOffset at, string column)
    {
        var item = DistrictHost.Item(prefix, at, column) with { Publisher = "区政府办公室" };
        using var response = await host.PostAsync(item);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        return item.Id;
    }

    async Task<string> RefusalAsync(string column)
    {
        using var response = await host.PostAsync(DistrictHost.Item("c-refused", new DateTimeOffset(2018, 9, 1, 9, 0, 0, China), column));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("columns[0]")[0].GetString()!;
    }

    [Fact]
    public async Task Roles_ReaderReads_OnlyAdminChangesOrReadsHistory()
    {
        using (var anonymous = host.Client(null)) Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/columns")).StatusCode);
        using var reader = host.Client(ChannelsHost.ReaderKey);
        using var editor = host.Client(ChannelsHost.EditorKey);
        var body = new { columns = new[] { Column("通知公告") } };
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/columns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/api/columns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync("/api/columns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/columns/history")).StatusCode);
        using (var anonymous = host.Client(null)) Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/columns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/columns/history")).StatusCode);
    }

    [Fact]
    public async Task Refusals_422NamingTheField_400ForBadJson_NothingStored()
    {
        var before = (await host.Api.GetFromJsonAsync<JsonElement>("/api/columns")).GetProperty("version").GetInt32();
        async Task<JsonElement> Errors(HttpResponseMessage r)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        Assert.True((await Errors(await PutAsync())).TryGetProperty("columns", out _));
        Assert.True((await Errors(await PutAsync(Column("甲", kind: "daily")))).TryGetProperty("columns[0].kind", out _));
        Assert.True((await Errors(await PutAsync(Column("甲", slug: "x"), Column("乙", slug: "x")))).TryGetProperty("columns[1].slug", out _));
        Assert.True((await Errors(await PutAsync(Column("甲"), Column("甲")))).TryGetProperty("columns[1].name", out _));
        Assert.True((await Errors(await PutAsync(new { kind = "news" }))).TryGetProperty("columns[0].name", out _));
        Assert.True((await Errors(await PutAsync(Column("甲"), new { name = "乙", parent = "丙" }))).TryGetProperty("columns[1].parent", out _));
        Assert.True((await Errors(await PutAsync(Column("甲", slug: "Has Space")))).TryGetProperty("columns[0].slug", out _));
        using var bad = await host.Api.PutAsync("/api/columns", new StringContent("{\"columns\": [", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var wrongType = await host.Api.PutAsync("/api/columns", new StringContent("{\"columns\": [{\"name\": \"甲\", \"order\": \"一\"}]}", Encoding.UTF8,
            "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(before, (await host.Api.GetFromJsonAsync<JsonElement>("/api/columns")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task RenameKeepsTheUrl_RetireKeepsPagesAndCounts_HistorySaysWhoAndWhen()
    {
        using (var first = await PutAsync(Column("政务动态", "news"), Column("通知公告", "notice"), Column("政府采购")))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await PublishAsync("c-old", new DateTimeOffset(2008, 3, 1, 9, 0, 0, China), "政务动态");
        var bought = await PublishAsync("c-buy", new DateTimeOffset(2008, 3, 2, 9, 0, 0, China), "政府采购");
        var keptBought = await PublishAsync("c-buy2", new DateTimeOffset(2008, 3, 3, 9, 0, 0, China), "政府采购");

        // One call: 政务动态 becomes 工作动态 (same slug, same URL), 政府采购 is retired.
        using var put = await PutAsync(Column("工作动态", "news", "zwdt"), Column("通知公告", "notice"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var catalogue = await put.Content.ReadFromJsonAsync<JsonElement>();
        var renamed = catalogue.GetProperty("columns")[0];
        Assert.Equal(("工作动态", "zwdt"), (renamed.GetProperty("name").GetString(), renamed.GetProperty("slug").GetString()));
        Assert.Equal("政务动态", renamed.GetProperty("formerNames")[0].GetString());
        Assert.Contains(catalogue.GetProperty("retired").EnumerateArray(), c => c.GetProperty("slug").GetString() == "zfcg");
        Assert.Equal("zfcg", catalogue.GetProperty("changes").GetProperty("retired")[0].GetString());

        var after = await PublishAsync("c-new", new DateTimeOffset(2008, 4, 1, 9, 0, 0, China), "工作动态");
        Assert.Contains("已更名为“工作动态”", await RefusalAsync("政务动态"), StringComparison.Ordinal);
        Assert.Contains("（已停用）", await RefusalAsync("政府采购"), StringComparison.Ordinal);

        var site = new SiteReader(host.Api);
        Assert.Equal([after, before], SiteReader.ItemIds(await site.GetAsync("columns/zwdt/index.html")));
        Assert.Equal([keptBought, bought], SiteReader.ItemIds(await site.GetAsync("columns/zfcg/index.html")));
        var home = await site.GetAsync("index.html");
        Assert.Contains("<a href=\"columns/zwdt/index.html\">工作动态</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("columns/zfcg/", home, StringComparison.Ordinal);

        // A retired column's item can still be retracted: it leaves the retired column's page.
        using (var retract = await host.Api.PostAsJsonAsync($"/api/publications/{bought}/retract", new { reason = "采购结果更正" }))
            Assert.Equal(HttpStatusCode.Accepted, retract.StatusCode);
        Assert.Equal("retracted", (await host.WaitFinalAsync(bought)).GetProperty("status").GetString());
        Assert.Equal([keptBought], SiteReader.ItemIds(await site.GetAsync("columns/zfcg/index.html")));

        // Counted under the names they were published with, the retired column included.
        var columns = (await host.StatisticsAsync(2008)).GetProperty("website").GetProperty("columns").EnumerateObject().ToDictionary(p => p.Name,
            p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["政务动态"] = 1, ["工作动态"] = 1, ["政府采购"] = 2 }, columns);
        var markdown = await host.Api.GetStringAsync("/api/reports/2008?format=markdown");
        Assert.Contains("其中工作动态1条,政务动态1条,政府采购2条。", markdown, StringComparison.Ordinal);

        var history = (await host.Api.GetFromJsonAsync<JsonElement>("/api/columns/history")).GetProperty("history").EnumerateArray().ToList();
        var last = history[0];
        Assert.Equal("admin", last.GetProperty("by").GetString());
        Assert.Equal("api", last.GetProperty("source").GetString());
        Assert.True(DateTimeOffset.UtcNow - last.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        Assert.Equal("政务动态", last.GetProperty("renamed")[0].GetProperty("from").GetString());
        Assert.Equal("工作动态", last.GetProperty("renamed")[0].GetProperty("to").GetString());
        Assert.True(history.Count >= 2);
    }
}
