using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Monitoring;
using Channels.Publishing.Proof;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests.Hostile;

/// <summary>Backdating is an import: admin only, marked on the record and the proof; timeliness is judged on delivery.</summary>
[Collection(ChannelsCollection.Name)]
public class ImportTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.Services.GetRequiredService<Channels.Publishing.Storage.ChannelsStorage>().EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    static StringContent Json(PublicationItem item) => new(JsonSerializer.Serialize(item, ChannelsJson.Options), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Backdated_ByEditor_403NamingPublishAt_NothingStored_ByAdmin_ImportedOnRecordAndProof()
    {
        var item = Items.Approved("import") with { Channels = ["website", "weibo"] };
        using var editor = host.Client(ChannelsHost.EditorKey);
        var before = await SideEffects.TakeAsync(host, item.Id);
        using (var refused = await editor.PostAsync("/api/publications", Json(item)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("publishAt", out _));
        }

        Assert.True((await SideEffects.TakeAsync(host, item.Id)).NothingForItem);
        Assert.Equal(before.Publications, (await SideEffects.TakeAsync(host, item.Id)).Publications);

        using (var accepted = await host.PostAsync(item)) Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        var proof = (await host.Api.GetFromJsonAsync<PublicationProof>($"/api/publications/{item.Id}/proof", ChannelsJson.Options))!;
        Assert.True(proof.Imported);
        Assert.True(proof.Verify());
        Assert.True(proof.SubmittedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.NotNull(proof.PublicAt);
        Assert.All(proof.Channels, c => Assert.NotNull(c.DeliveredAt));
        var html = await host.Api.GetStringAsync($"/api/publications/{item.Id}/proof?format=html");
        Assert.Contains("历史信息导入", html, StringComparison.Ordinal);
        Assert.Contains("系统受理时间", html, StringComparison.Ordinal);
        Assert.Contains(ChinaTime.Format(proof.SubmittedAt), html, StringComparison.Ordinal);
        Assert.Contains("送达时间", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CurrentItem_ByEditor_IsNotAnImport_ProofSaysPublishedByThisSystem()
    {
        var item = Items.Approved("current", DateTimeOffset.UtcNow.AddHours(-2)) with { Channels = ["website"] };
        using var editor = host.Client(ChannelsHost.EditorKey);
        using (var accepted = await editor.PostAsync("/api/publications", Json(item))) Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        var proof = (await host.Api.GetFromJsonAsync<PublicationProof>($"/api/publications/{item.Id}/proof", ChannelsJson.Options))!;
        Assert.False(proof.Imported);
        Assert.True(proof.PublicAt > proof.PublishAt);
        Assert.Contains("本系统发布", await host.Api.GetStringAsync($"/api/publications/{item.Id}/proof?format=html"), StringComparison.Ordinal);

        // The row the rules read records when it went public, per channel.
        var publications = new TableClient(host.StorageConnectionString, "publications");
        var row = (await publications.GetEntityAsync<PublicationRecord>(item.Id, PublicationRecord.RowOf(item.Id)))
            .Value;
        Assert.False(row.Imported);
        Assert.NotNull(row.PublicAt);
        Assert.True(row.PublicAt > row.PublishAt);
        Assert.True(row.DeliveredTimeMap.ContainsKey("website"));
    }

    /// <summary>
    /// Two records of a year no other test uses, formed on the same day and claiming the same on-time publishAt: the
    /// ordinary one actually went public a month late (its delivery time), the import is taken at its stated time.
    /// </summary>
    [Fact]
    public async Task DisclosureDeadline_UsesTheDeliveryTime_ExceptForImports()
    {
        var china = TimeSpan.FromHours(8);
        var formed = new DateTimeOffset(2031, 3, 2, 9, 0, 0, china);
        var claimed = new DateTimeOffset(2031, 3, 5, 9, 0, 0, china);
        var delivered = new DateTimeOffset(2031, 5, 6, 9, 0, 0, china);
        var table = new TableClient(host.StorageConnectionString, "publications");
        var late = Row("late", formed, claimed, delivered, imported: false);
        var import = Row("imp", formed, claimed, delivered, imported: true);
        await table.AddEntityAsync(late);
        await table.AddEntityAsync(import);

        var report = await host.Services.GetRequiredService<RulesService>().ForYearAsync(2031, CancellationToken.None);

        Assert.Equal(2, report.Disclosure.WithFormedAt);
        var view = Assert.Single(report.Disclosure.LateList);
        Assert.Equal(late.Id, view.Id);
        Assert.Equal(delivered, view.PublishAt);
    }

    static PublicationRecord Row(string prefix, DateTimeOffset formed, DateTimeOffset claimed, DateTimeOffset delivered, bool imported) => new()
    {
        PartitionKey = $"{prefix}-{Guid.NewGuid():N}", Title = "规划公示 " + prefix, Publisher = "芙蓉区", PublishAt = claimed, Year = 2031,
            Priority = Priorities.Normal,
        Channels = "website", Columns = "规划计划", Status = PublicationStatus.Delivered, SubmittedAt = delivered.AddMinutes(-1), FormedAt = formed,
        Imported = imported, PublicAt = delivered, DeliveredTimes = $"website={delivered.ToUnixTimeSeconds()}", ChannelStates = "website=delivered",
    };
}
