using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests;

/// <summary>Named SMS audiences over HTTP (Azurite): managed by admins, referenced by editors, resolved and frozen at submission.</summary>
[Collection(ChannelsCollection.Name)]
public class SmsAudienceTests(ChannelsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearFaultsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Manage_AdminOnly_InvalidNumbersRefusedWholesale_ReadersSeeMaskedNumbers()
    {
        var name = Name("district-staff");
        using var asEditor = await host.Client(ChannelsHost.EditorKey).PutAsJsonAsync($"/api/sms/audiences/{name}", new { numbers = new[] { "13900000101" } });
        Assert.Equal(HttpStatusCode.Forbidden, asEditor.StatusCode);

        using var invalid = await host.Api.PutAsJsonAsync($"/api/sms/audiences/{name}", new { numbers = new[] { "13900000101", "12345", "+8613900000102",
            "abc" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var errors = (await ProblemAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("numbers[1]", out _));
        Assert.True(errors.TryGetProperty("numbers[3]", out _));
        using var nothing = await host.Api.GetAsync($"/api/sms/audiences/{name}");
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);

        using var put = await host.Api.PutAsJsonAsync($"/api/sms/audiences/{name}", new { numbers = new[] { "13900000101", "+8613900000102",
            "139 0000 0103" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var added = await host.Api.PostAsJsonAsync($"/api/sms/audiences/{name}/members", new { numbers = new[] { "13900000104", "13900000101" } });
        Assert.Equal(4, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").GetInt32());
        using var removed = await host.Api.DeleteAsync($"/api/sms/audiences/{name}/members/13900000103");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var optedOut = await host.Api.DeleteAsync($"/api/sms/audiences/{name}/members/+8613900000104?optOut=true");
        Assert.Equal(HttpStatusCode.NoContent, optedOut.StatusCode);

        var asReader = await host.Client(ChannelsHost.ReaderKey).GetFromJsonAsync<JsonElement>($"/api/sms/audiences/{name}");
        Assert.Equal(3, asReader.GetProperty("members").GetInt32());
        Assert.Equal(1, asReader.GetProperty("optedOut").GetInt32());
        Assert.DoesNotContain("13900000101", asReader.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("+86139****0101", asReader.GetRawText(), StringComparison.Ordinal);
        var asAdmin = await host.Api.GetFromJsonAsync<JsonElement>($"/api/sms/audiences/{name}");
        Assert.Contains("+8613900000101", asAdmin.GetRawText(), StringComparison.Ordinal);

        var list = await host.Client(ChannelsHost.ReaderKey).GetFromJsonAsync<JsonElement>("/api/sms/audiences");
        Assert.Contains(list.GetProperty("audiences").EnumerateArray(), a => a.GetProperty("name").GetString() == name && a.GetProperty("members")
            .GetInt32() == 3);
    }

    [Fact]
    public async Task ItemReferencesAudiences_ResolvedAtSubmission_OptedOutSkipped_LaterChangesDoNotAlterTheSnapshot()
    {
        var residents = Name("emergency-residents");
        await host.Api.PutAsJsonAsync($"/api/sms/audiences/{residents}", new { numbers = new[] { "13900000201", "13900000202", "13900000203" } });
        await host.Api.DeleteAsync($"/api/sms/audiences/{residents}/members/13900000203?optOut=true");
        // Dated now: the editor may not backdate (that is an admin's import).
        var item = Items.Approved("smsaud", DateTimeOffset.UtcNow) with
        {
            Channels = ["sms"],
            Sms = new SmsRequest { Audience = ["13900000202"], Audiences = [residents], Text = "请做好防汛准备。" },
        };

        using var submitted = await host.Client(ChannelsHost.EditorKey).PostAsync("/api/publications",
            new StringContent(JsonSerializer.Serialize(item, ChannelsJson.Options), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        await host.Api.PostAsJsonAsync($"/api/sms/audiences/{residents}/members", new { numbers = new[] { "13900000204" } });
        var view = await host.WaitFinalAsync(item.Id);

        var sms = view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms");
        Assert.Equal("delivered", sms.GetProperty("state").GetString());
        Assert.Equal("2/2", sms.GetProperty("platformId").GetString());
        var send = Assert.Single(await host.JournalAsync("sms", item.Id), e => e.GetProperty("api").GetString() == "SendSms" && e.GetProperty("outcome")
            .GetString() == "ok");
        var numbers = send.GetProperty("detail").GetProperty("phoneNumbers").EnumerateArray().Select(n => n.GetString()).Order().ToList();
        Assert.Equal(["+8613900000201", "+8613900000202"], numbers);
        Assert.Equal(2, view.GetProperty("item").GetProperty("sms").GetProperty("audience").GetArrayLength());

        using var again = await host.PostAsync(item); // the same item again: a no-op, even though the audience has grown
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task UnknownAudience_422NamingIt_NothingAccepted()
    {
        var item = Items.Approved("smsaudx") with
        {
            Channels = ["sms"], Sms = new SmsRequest { Audiences = ["no-such-audience-x1"], Text = "请做好防汛准备。" },
        };

        using var response = await host.PostAsync(item);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("sms.audiences[0]", out _));
        using var absent = await host.Api.GetAsync($"/api/publications/{item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
    }
}
