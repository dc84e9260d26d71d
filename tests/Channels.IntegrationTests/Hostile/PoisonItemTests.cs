using System.Net;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Channels.Publishing.Channels;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.IntegrationTests.Hostile;

/// <summary>
/// One bad title must not break a column. Titles with control characters are refused at the API (TextRules); these
/// tests force such titles past validation — through the publisher directly, and into the column's stored head as
/// data from before the rule — and check that later deliveries to that column still go out with valid feeds.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class PoisonItemTests(ChannelsHost host)
{
    static readonly WebsiteColumn Food = ColumnCatalog.Find("食品安全信息")!;
    static readonly WebsiteColumn Environment = ColumnCatalog.Find("环境保护信息")!;

    BlobContainerClient Archive => new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("archive");
    BlobContainerClient Web => new BlobServiceClient(host.StorageConnectionString).GetBlobContainerClient("$web");

    PublicationItem WebsiteItem(string prefix, string column) =>
        Items.Approved(prefix, DateTimeOffset.UtcNow.AddMinutes(-5)) with { Channels = ["website"], Columns = [column] };

    async Task<XDocument> FeedAsync(WebsiteColumn column) =>
        XDocument.Parse((await Web.GetBlobClient(SiteRenderer.RssPath(column)).DownloadContentAsync()).Value.Content.ToString());

    async Task DeliverAsync(PublicationItem item)
    {
        using var response = await host.PostAsync(item);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("delivered", (await host.WaitFinalAsync(item.Id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PoisonTitle_ForcedPastValidation_FailsAlone_WritesNothing_LaterDeliveriesToTheColumnGoOut()
    {
        var poison = WebsiteItem("poison", Food.Name) with { Title = "关于食品抽检\u000b结果的公告" };
        Assert.Contains("title", ItemValidator.Validate(poison, DateTimeOffset.UtcNow).Errors.Keys);
        var publisher = host.Services.GetServices<IChannelPublisher>().OfType<WebsitePublisher>().Single();
        var entry = new DeliveryEntry { PartitionKey = poison.Id, RowKey = ChannelNames.Website };

        var step = await publisher.SendAsync(new DeliveryJob(poison, entry, _ => Task.CompletedTask), CancellationToken.None);

        Assert.Equal(DeliveryState.Failed, step.State);
        Assert.Contains("栏目其他信息不受影响", step.Error, StringComparison.Ordinal);
        Assert.False((await Web.GetBlobClient(SiteRenderer.ItemPath(poison.Id)).ExistsAsync()).Value);
        var (head, _) = await BlobJson.ReadAsync<ColumnHead>(Archive.GetBlobClient($"listings/web-col-{Food.Slug}/head.json"), CancellationToken.None);
        Assert.DoesNotContain(head?.Open ?? [], e => e.ItemId == poison.Id);

        var later = WebsiteItem("afterpoison", Food.Name);
        await DeliverAsync(later);
        var feed = await FeedAsync(Food);
        Assert.Contains(feed.Descendants("title"), t => t.Value == later.Title);
        Assert.DoesNotContain(poison.Id, feed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonTitle_AlreadyInTheColumnHead_DoesNotStopLaterDeliveries_FeedStaysValidXml()
    {
        var first = WebsiteItem("envfirst", Environment.Name);
        await DeliverAsync(first);
        var headBlob = Archive.GetBlobClient($"listings/web-col-{Environment.Slug}/head.json");
        var (head, etag) = await BlobJson.ReadAsync<ColumnHead>(headBlob, CancellationToken.None);
        var stale = new SiteListing("legacy-" + Guid.NewGuid().ToString("N"), "旧数据\u000b标题\uFFFE", "2017-05-10", "20170510010000");
        Assert.True(await BlobJson.TryWriteAsync(headBlob, head! with { Open = [.. head.Open, stale], Latest = [.. head.Latest, stale] }, etag,
            CancellationToken.None));

        var later = WebsiteItem("envlater", Environment.Name);
        await DeliverAsync(later);

        var feed = await FeedAsync(Environment);
        var titles = feed.Descendants("title").Select(t => t.Value).ToList();
        Assert.Contains(later.Title, titles);
        Assert.Contains("旧数据标题", titles);
        var atom = (await Web.GetBlobClient(SiteRenderer.AtomPath(Environment)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains(later.Id, XDocument.Parse(atom).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnArchive_RenderFailureOfOneEntry_RefusesOnlyThatChange_OthersInTheBatchAreCommitted()
    {
        var column = new WebsiteColumn("测试栏目", "t-" + Guid.NewGuid().ToString("N")[..10]);
        var archive = host.Services.GetRequiredService<ColumnArchive>();
        var pages = host.Services.GetRequiredService<SitePages>();
        Func<CancellationToken, Task> Render(ColumnUpdate u) =>
            u.Head.Latest.Any(e => e.Title.Contains("炸", StringComparison.Ordinal)) ? throw new InvalidOperationException("cannot render")
                : pages.RenderColumn(u);
        var good = Enumerable.Range(0, 5).Select(i => new SiteListing($"good-{i}", $"正常标题{i}", "2026-12-01", $"2026120100000{i}")).ToList();
        var bad = new SiteListing("bad-0", "会炸的标题", "2026-12-01", "20261201000009");

        var tasks = good.Take(2).Append(bad).Concat(good.Skip(2)).Select(e => archive.ChangeAsync(column, new ColumnChange(e, null), Render)).ToList();
        var outcomes = await Task.WhenAll(tasks.Select(async t =>
        {
            try
            {
                await t;
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }));

        Assert.IsType<PermanentChannelException>(Assert.Single(outcomes.OfType<Exception>()));
        Assert.NotNull(outcomes[2]);
        var (head, _) = await BlobJson.ReadAsync<ColumnHead>(Archive.GetBlobClient($"listings/web-col-{column.Slug}/head.json"), CancellationToken.None);
        Assert.Equal(good.Select(g => g.ItemId).Order(), head!.Open.Select(e => e.ItemId).Order());
        await archive.ChangeAsync(column, new ColumnChange(new SiteListing("good-late", "之后的标题", "2026-12-02", "20261202000000"), null), Render);
        var (after, _) = await BlobJson.ReadAsync<ColumnHead>(Archive.GetBlobClient($"listings/web-col-{column.Slug}/head.json"), CancellationToken.None);
        Assert.Contains(after!.Open, e => e.ItemId == "good-late");
    }
}
