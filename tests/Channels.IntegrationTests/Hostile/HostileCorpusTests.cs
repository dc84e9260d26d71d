using System.Net;
using System.Text.Json;
using Channels.Publishing.Items;

namespace Channels.IntegrationTests.Hostile;

/// <summary>
/// Every case of the hostile-input corpus against the real local host: refused with the expected 4xx as
/// problem+json naming the field, and nothing happened — no publication row, ledger row, archived copy,
/// orchestration or channel call.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class HostileCorpusTests(ChannelsHost host) : IAsyncLifetime
{
    public static TheoryData<string> Cases() => new(HostileCorpus.All.Select(c => c.Key));

    public Task InitializeAsync() => SideEffects.WaitQuietAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Corpus_AtLeast60UniqueCases_EachExpectingAClientError()
    {
        Assert.True(HostileCorpus.All.Count >= 60, $"only {HostileCorpus.All.Count} cases");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(c => c.Key).Distinct().Count());
        Assert.All(HostileCorpus.All, c => Assert.InRange(c.Status, 400, 499));
        Assert.All(HostileCorpus.All, c => Assert.False(string.IsNullOrEmpty(c.Field), c.Key));
    }

    [Fact]
    public void Base_IsAValidItem_SoEachCaseFailsOnlyForWhatItChanges()
    {
        foreach (var json in new[] { HostileCorpus.Base(), HostileCorpus.ScheduledBase(DateTimeOffset.UtcNow) })
        {
            var item = JsonSerializer.Deserialize<PublicationItem>(HostileCorpus.Utf8(json, "hostile-base"), ChannelsJson.Options)!;
            Assert.Empty(ItemValidator.Validate(item, DateTimeOffset.UtcNow).Errors);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_RefusedWithProblemNamingTheField_AndNothingHappens(string key)
    {
        var c = HostileCorpus.Find(key);
        var id = "hostile-" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        if (c.Setup == HostileCase.ScheduledBaseSetup) await PostScheduledBaseAsync(id, now);
        var request = HostileCorpus.Build(c, id, now);
        var before = await SideEffects.TakeAsync(host, request.ItemId);

        using var response = await SendAsync(request, c.Role);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(c.Status == (int)response.StatusCode, $"{c.Key}: expected {c.Status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(c.Field, out _),
            $"{c.Key}: errors should name {c.Field}: {text}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));

        var after = await SideEffects.TakeAsync(host, request.ItemId);
        Assert.Equal(before, after);
        if (c.Setup is null) Assert.True(after.NothingForItem, $"{c.Key}: {after}");
    }

    /// <summary>A valid item published a month ahead: its id is claimed, nothing is delivered yet.</summary>
    async Task PostScheduledBaseAsync(string id, DateTimeOffset now)
    {
        var body = HostileCorpus.Utf8(HostileCorpus.ScheduledBase(now), id);
        using var response = await host.Api.PostAsync("/api/publications", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("scheduled", (await host.WaitStatusAsync(id, "scheduled")).GetProperty("status").GetString());
    }

    Task<HttpResponseMessage> SendAsync(HostileRequest r, string? role)
    {
        var message = new HttpRequestMessage(new HttpMethod(r.Method), r.Path);
        if (r.Method != "GET" || r.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(r.Body);
            if (r.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
            if (r.Chunked) message.Headers.TransferEncodingChunked = true;
        }

        return role switch
        {
            "editor" => Send(ChannelsHost.EditorKey),
            "reader" => Send(ChannelsHost.ReaderKey),
            _ => host.Api.SendAsync(message),
        };

        async Task<HttpResponseMessage> Send(string key)
        {
            using var client = host.Client(key);
            return await client.SendAsync(message);
        }
    }
}
