using System.Net;
using System.Net.Http.Json;
using Channels.Publishing.Items;
using Channels.Publishing.Proof;

namespace Channels.IntegrationTests;

/// <summary>The auditor's proof of publication: what was sent where and when, checkable by its record hash.</summary>
[Collection(ChannelsCollection.Name)]
public class ProofTests(ChannelsHost host)
{
    [Fact]
    public async Task Proof_DeliveredItem_CarriesHashPlatformIdsAndTimesAndVerifies()
    {
        var item = Items.Approved("proof") with { Channels = ["website", "weibo"] };
        await host.PostAsync(item);
        var view = await host.WaitFinalAsync(item.Id);

        var proof = await host.Api.GetFromJsonAsync<PublicationProof>($"/api/publications/{item.Id}/proof", ChannelsJson.Options);

        Assert.NotNull(proof);
        Assert.True(proof.Verify());
        Assert.Equal(view.GetProperty("contentHash").GetString(), proof.ContentHash);
        Assert.Equal(ContentHash.Of(item), proof.ContentHash);
        Assert.Equal("张伟", proof.Approval!.Approver);
        var weibo = Assert.Single(proof.Channels, c => c.Channel == "weibo");
        Assert.Equal("delivered", weibo.State);
        Assert.NotNull(weibo.DeliveredAt);
        var posted = Assert.Single(await host.JournalAsync("weibo", item.Id), e => e.GetProperty("outcome").GetString() == "ok");
        Assert.Equal(posted.GetProperty("platformId").GetString(), weibo.PlatformId);
        Assert.False((proof with { Title = proof.Title + "（改）" }).Verify());

        var html = await host.Api.GetStringAsync($"/api/publications/{item.Id}/proof?format=html");
        Assert.Contains("政府信息发布证明", html, StringComparison.Ordinal);
        Assert.Contains(weibo.PlatformId!, html, StringComparison.Ordinal);
        Assert.Contains(proof.RecordHash, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_UnknownItem_404Problem()
    {
        var response = await host.Api.GetAsync("/api/publications/no-such-item/proof");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
