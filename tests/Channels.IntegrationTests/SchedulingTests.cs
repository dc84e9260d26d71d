using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;

namespace Channels.IntegrationTests;

/// <summary>Scheduled items held on a durable timer, moved or cancelled by an editor; the emergency clock's escalation.</summary>
[Collection(ChannelsCollection.Name)]
public class SchedulingTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => host.ClearFaultsAsync();

    static IEnumerable<string?> Notes(JsonElement view) =>
        view.GetProperty("history").EnumerateArray().Select(h => h.TryGetProperty("note", out var n) ? n.GetString() : null);

    async Task<string> ScheduleAsync(string prefix, TimeSpan ahead)
    {
        var at = DateTimeOffset.UtcNow.Add(ahead).ToOffset(TimeSpan.FromHours(8));
        var item = Items.Approved(prefix, at) with { Channels = ["website"] };
        item = item with { Approval = item.Approval! with { ApprovedAt = DateTimeOffset.UtcNow.AddMinutes(-10) } };
        using var submitted = await host.PostAsync(item);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var view = await host.WaitStatusAsync(item.Id, "scheduled");
        Assert.Equal("scheduled", view.GetProperty("status").GetString());
        return item.Id;
    }

    [Fact]
    public async Task Scheduled_EditorBringsItForward_ItGoesOutAtOnce()
    {
        var id = await ScheduleAsync("moved", TimeSpan.FromHours(3));
        var queue = await host.Api.GetFromJsonAsync<JsonElement>($"/api/publications?status=scheduled&q={id}");
        Assert.Equal(1, queue.GetProperty("total").GetInt32());

        using var editor = host.Client(ChannelsHost.EditorKey);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        using var moved = await editor.PostAsJsonAsync($"/api/publications/{id}/schedule", new { publishAt = now.ToString("yyyy-MM-ddTHH:mm:sszzz",
            System.Globalization.CultureInfo.InvariantCulture), reason = "领导要求提前发布" });
        Assert.Equal(HttpStatusCode.Accepted, moved.StatusCode);

        var view = await host.WaitFinalAsync(id);
        Assert.Equal("delivered", view.GetProperty("status").GetString());
        Assert.Contains(Notes(view), n => n?.Contains("领导要求提前发布", StringComparison.Ordinal) == true);
        Assert.True(view.GetProperty("publishAt").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddMinutes(1));
        using var page = await host.Api.GetAsync($"/site/items/{id}.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Scheduled_EditorCancels_NothingGoesOut_CannotCancelTwice()
    {
        var id = await ScheduleAsync("cancel", TimeSpan.FromHours(3));
        using var editor = host.Client(ChannelsHost.EditorKey);
        using var noReason = await editor.PostAsJsonAsync($"/api/publications/{id}/cancel", new { reason = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        using var reader = host.Client(ChannelsHost.ReaderKey);
        using var forbidden = await reader.PostAsJsonAsync($"/api/publications/{id}/cancel", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var cancelled = await editor.PostAsJsonAsync($"/api/publications/{id}/cancel", new { reason = "内容需重新审核" });
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);

        var view = await host.WaitFinalAsync(id);
        Assert.Equal("cancelled", view.GetProperty("status").GetString());
        Assert.Contains(Notes(view), n => n?.Contains("内容需重新审核", StringComparison.Ordinal) == true);
        using var page = await host.Api.GetAsync($"/site/items/{id}.html");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var again = await editor.PostAsJsonAsync($"/api/publications/{id}/cancel", new { reason = "再次取消" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Emergency_PastTheDeadline_EscalatesToDutyOfficerAndAlerts()
    {
        // The incident was 6 hours ago: both the warning point and the deadline have passed when it is submitted,
        // and Weibo answers slowly, so the escalations happen while channels are still out.
        await host.InjectAsync(new { channel = "weibo", api = "statuses/share", kind = "slow", delayMs = 1500, count = 1 });
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var item = Items.Approved("emerg", now) with
        {
            Priority = "emergency", IncidentAt = now.AddHours(-6), Channels = ["website", "weibo"],
            Approval = Items.Approved("x", now).Approval! with { ApprovedAt = now.AddMinutes(-5) },
        };
        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        Assert.Equal("delivered", view.GetProperty("status").GetString());
        var states = view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("state").GetString()).ToList();
        Assert.Contains("escalated-warning", states);
        Assert.Contains("escalated-breach", states);

        var alerts = new TableClient(host.StorageConnectionString, "alerts");
        var rows = alerts.Query<TableEntity>(e => e.PartitionKey == now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(e =>
            e.GetString("ItemId") == item.Id).ToList();
        Assert.Equal(["breach", "warning"], rows.Select(r => r.GetString("Kind")).Order());

        var sms = (await host.JournalAsync("sms", "已超过发布时限")).Where(e => e.GetProperty("api").GetString() == "SendSms").ToList();
        // The duty officer's SMS leads with the breach and the channels; the title follows, cut to the template's variable.
        Assert.Contains(sms, e => e.GetRawText().Contains("紧急信息已超过发布时限，", StringComparison.Ordinal)
            && e.GetRawText().Contains("政务微博", StringComparison.Ordinal) && e.GetRawText().Contains(item.Title[..4], StringComparison.Ordinal));
    }
}
