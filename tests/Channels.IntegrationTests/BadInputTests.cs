using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests;

/// <summary>Refused requests name the problem field, start nothing, write nothing and send nothing.</summary>
[Collection(ChannelsCollection.Name)]
public class BadInputTests(ChannelsHost host)
{
    public static TheoryData<string, int, string> Cases()
    {
        var item = Items.Approved("bad");
        string Json(PublicationItem i) => JsonSerializer.Serialize(i, ChannelsJson.Options);
        return new TheoryData<string, int, string>
        {
            { "{\"id\": \"bad-1\", \"title\": ", 400, "body" },
            { Json(item).Replace("\"publishAt\":\"2017-05-10T09:00:00+08:00\"", "\"publishAt\":\"2017-05-10 09:00\"", StringComparison.Ordinal), 400, "publishAt" },
            { Json(item with { Approval = null }), 422, "approval" },
            { Json(item with { Approval = item.Approval! with { Approver = item.Approval.Author } }), 422, "approval.approver" },
            { Json(item with { Approval = item.Approval! with { ConfidentialityReview = new() { Passed = false } } }), 422, "approval.confidentialityReview.passed" },
            { Json(item with { Channels = ["website", "tiktok"] }), 422, "channels[1]" },
            { Json(item with { Columns = ["通知公告", "小道消息"] }), 422, "columns[1]" },
            { Json(item with { Sms = item.Sms! with { Audience = ["13800000001", "110"] } }), 422, "sms.audience[1]" },
            { Json(item with { Title = "" }), 422, "title" },
            { Json(item with { Id = "../../etc" }), 422, "id" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Submit_BadRequest_ProblemNamesFieldAndNothingHappens(string body, int status, string field)
    {
        var id = TryId(body);
        var sandboxBefore = (await host.Sandbox.GetStringAsync("/sandbox/journal")).Length;

        var response = await host.Api.PostAsync("/api/publications", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        if (id is not null)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync($"/api/publications/{Uri.EscapeDataString(id)}")).StatusCode);
            var ledger = new TableClient(host.StorageConnectionString, "deliveries");
            Assert.Empty(ledger.Query<TableEntity>(e => e.PartitionKey == id).ToList());
        }

        Assert.Equal(sandboxBefore, (await host.Sandbox.GetStringAsync("/sandbox/journal")).Length);
    }

    static string? TryId(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
