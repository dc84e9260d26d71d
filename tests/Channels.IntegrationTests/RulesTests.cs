using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests;

/// <summary>The disclosure rules on real publications: 20 working days from formedAt, interpretations, emergencies, freshness; and the report.</summary>
[Collection(ChannelsCollection.Name)]
public class RulesTests(ChannelsHost host)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    async Task<PublicationItem> PublishAsync(PublicationItem item)
    {
        using var r = await host.PostAsync(item);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, r.StatusCode);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
        return item;
    }

    static PublicationItem WebsiteItem(string prefix, DateTimeOffset at, params string[] columns) =>
        Items.Approved(prefix, at) with { Channels = ["website"], Columns = columns };

    [Fact]
    public async Task LateDisclosure_InterpretationRule_AndTheReportSayIt()
    {
        // Formed 2017-09-20; with the National Day holidays the 20th working day is 2017-10-24: published 10-30 = 4 late.
        var late = await PublishAsync(WebsiteItem("formed", new DateTimeOffset(2017, 10, 30, 9, 0, 0, China), "通知公告") with
        {
            FormedAt = new DateTimeOffset(2017, 9, 20, 10, 0, 0, China),
        });
        var onTime = await PublishAsync(WebsiteItem("formedok", new DateTimeOffset(2017, 10, 24, 9, 0, 0, China), "通知公告") with
        {
            FormedAt = new DateTimeOffset(2017, 9, 20, 10, 0, 0, China),
        });
        var policy = await PublishAsync(WebsiteItem("policy", new DateTimeOffset(2017, 3, 1, 9, 0, 0, China), "政策法规") with { DocumentCategory = "行政规范性文件" });
        var orphan = await PublishAsync(WebsiteItem("orphan", new DateTimeOffset(2017, 3, 2, 9, 0, 0, China), "政策法规") with { DocumentCategory = "规章" });
        await PublishAsync(WebsiteItem("interp", new DateTimeOffset(2017, 3, 3, 9, 0, 0, China), "政策解读") with { Interprets = policy.Id });

        // The report is cached for seconds (the dashboard polls it): wait until it includes the orphan policy.
        var rules = await Eventually.LastAsync(() => host.Api.GetFromJsonAsync<JsonElement>("/api/rules/2017"),
            r => r.GetProperty("interpretations").GetProperty("list").EnumerateArray().Any(p => p.GetProperty("policyId").GetString() == orphan.Id),
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        var lateList = rules.GetProperty("disclosure").GetProperty("lateList").EnumerateArray().ToList();
        var flagged = Assert.Single(lateList, l => l.GetProperty("id").GetString() == late.Id);
        Assert.Equal("2017-10-24", flagged.GetProperty("dueDate").GetString());
        Assert.Contains("2017-10-24", flagged.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(lateList, l => l.GetProperty("id").GetString() == onTime.Id);

        var interps = rules.GetProperty("interpretations").GetProperty("list").EnumerateArray().ToList();
        var withOne = Assert.Single(interps, i => i.GetProperty("policyId").GetString() == policy.Id);
        Assert.Equal("late", withOne.GetProperty("status").GetString()); // national rule: released together with the policy
        Assert.Equal("overdue", Assert.Single(interps, i => i.GetProperty("policyId").GetString() == orphan.Id).GetProperty("status").GetString());

        var report = await host.Api.GetStringAsync("/api/reports/2017?format=markdown");
        Assert.Contains("附:发布时限与政策解读执行情况", report, StringComparison.Ordinal);
        Assert.Contains("超过20个工作日公开", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmergencyTimes_AndFreshnessOfColumnsAndAccounts()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(China);
        var item = Items.Approved("rulesem", now) with
        {
            Priority = "emergency", IncidentAt = now.AddHours(-1), Channels = ["website", "weibo"], Columns = ["应急管理"],
            Approval = Items.Approved("x", now).Approval! with { ApprovedAt = now.AddMinutes(-2) },
        };
        await PublishAsync(item);

        // The report is cached for seconds (the dashboard polls it): wait until it includes this item.
        var rules = await Eventually.LastAsync(() => host.Api.GetFromJsonAsync<JsonElement>($"/api/rules/{now.Year}"),
            r => r.GetProperty("emergencies").GetProperty("list").EnumerateArray().Any(e => e.GetProperty("id").GetString() == item.Id),
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        var emergency = Assert.Single(rules.GetProperty("emergencies").GetProperty("list").EnumerateArray(), e => e.GetProperty("id").GetString() == item.Id);
        Assert.False(emergency.GetProperty("breached").GetBoolean());
        var web = Assert.Single(rules.GetProperty("emergencies").GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel")
            .GetString() == "website");
        Assert.True(web.GetProperty("published").GetInt32() >= 1);
        Assert.Contains("所有渠道均在", emergency.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var freshness = rules.GetProperty("freshness").EnumerateArray().ToList();
        Assert.Contains(freshness, f => f.GetProperty("name").GetString() == "wechat" && f.GetProperty("status").GetString() == "stale");
        Assert.Contains(freshness, f => f.GetProperty("name").GetString() == "政务动态");
        Assert.All(freshness, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString())));
    }
}
