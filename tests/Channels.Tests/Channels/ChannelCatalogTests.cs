using System.Text.Json;
using Channels.Publishing;
using Channels.Publishing.Channels;
using Channels.Publishing.Items;
using Channels.Publishing.Reports;
using Channels.Publishing.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.Tests.Channels;

/// <summary>The registered channels: one label each, v1 order first, and what an extra channel changes (and does not) downstream.</summary>
public class ChannelCatalogTests
{
    static readonly ChannelDescriptor Extra = new("feed", "省级政务信息平台") { Metrics = [new("entry", "信息", "条")], Paced = true };

    [Fact]
    public void BuiltIn_IsTheFiveChannelsWithOneStandardLabelEach()
    {
        var c = ChannelCatalog.BuiltIn;
        Assert.Equal(ChannelNames.All, c.Names);
        Assert.Equal(["政府网站", "微信公众号", "政务微博", "短信", "信息公告栏"], c.All.Select(d => d.Label));
        Assert.Equal(["weibo", "sms"], c.All.Where(d => d.Paced).Select(d => d.Name));
        Assert.Equal(["wechat", "weibo"], c.All.Where(d => d.WatchedAccount).Select(d => d.Name));
        Assert.Equal("feed", c.Label("feed")); // unknown: its name
    }

    [Fact]
    public void Host_ListsTheV1ChannelsFirst_ThenOthersInRegistrationOrder_AndPacingFollows()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddChannel(Extra); // registered before the core, as a test host does
        services.AddChannelsCore();
        using var sp = services.BuildServiceProvider();
        var catalog = sp.GetRequiredService<ChannelCatalog>();
        Assert.Equal([.. ChannelNames.All, "feed"], catalog.Names);
        var policy = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Publishing.Api.DeliveryOptions>>().Value.ToPolicy();
        Assert.Equal(["weibo", "sms", "feed"], policy.Paced);
        Assert.True(policy.IsPaced("feed"));
        Assert.False(policy.IsPaced("website"));
        Assert.True(new Publishing.Orchestration.DeliveryPolicy().IsPaced("weibo")); // an input from before the list: the built-in pacing
    }

    [Fact]
    public void Validation_AcceptsARegisteredChannel_AndRunsItsCheck()
    {
        var catalog = new ChannelCatalog([.. ChannelCatalog.BuiltIn.All, Extra with { Validate = (p, _, _) => p.Add("feed", "不行") }]);
        var item = SampleItems.Valid() with { Channels = ["feed"] };
        Assert.Contains("channels[0]", ItemValidator.Validate(item, SampleItems.Now).Errors.Keys); // unknown to the built-in five
        var errors = ItemValidator.Validate(item, SampleItems.Now, channels: catalog).Errors;
        Assert.DoesNotContain("channels[0]", errors.Keys);
        Assert.Equal(["不行"], errors["feed"]);
    }

    [Fact]
    public void Tally_KeepsTheV1Shape_AndAddsOtherChannelsWithTheirLabels()
    {
        var catalog = new ChannelCatalog([.. ChannelCatalog.BuiltIn.All, Extra]);
        var only = new YearTally(2020, catalog);
        only.Add("weibo", Metrics.Post, null, 1, 3);
        only.Add("sms", Metrics.Message, null, 40, 3);
        only.Add("bulletin", Metrics.Item, "2020-03-01", 1, 3);
        only.Add("bulletin", Metrics.Item, "2020-03-01", 1, 3);
        var v1 = only.Result();
        Assert.Null(v1.Channels);
        Assert.Equal((1, 1, 40, 2, 1), (v1.Weibo.Posts, v1.Sms.Messages, v1.Sms.Recipients, v1.Bulletin.Items, v1.Bulletin.Issues));
        Assert.Equal(1, v1.Months[2].WeiboPosts);
        Assert.DoesNotContain("\"channels\"", JsonSerializer.Serialize(v1, ChannelsJson.Options), StringComparison.Ordinal);

        only.Add("feed", "entry", null, 1, 3);
        only.Add("feed", "entry", null, 1, 4);
        var s = only.Result();
        var feed = s.Channels!["feed"];
        Assert.Equal("省级政务信息平台", feed.Label);
        Assert.Equal(2, Assert.Single(feed.Counts).Count);
        Assert.Equal(1, s.Months[3].Channels!["feed"]["entry"]);
        Assert.Equal(v1.Weibo, s.Weibo);

        Assert.Contains(StatisticsExport.Rows(s), r => r.SequenceEqual(["省级政务信息平台", "信息", "全年", "2"]));
        var report = AnnualReport.Build(s, "某区", DateTimeOffset.UtcNow);
        Assert.Contains("2020年,通过省级政务信息平台发布信息2条。", report.Sections[0].Paragraphs);
        Assert.Contains("省级政务信息平台信息", report.Sections[^1].Table!.Header);
    }
}
