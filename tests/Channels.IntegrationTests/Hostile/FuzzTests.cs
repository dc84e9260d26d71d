using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Channels.Publishing.Api;
using Channels.Publishing.Items;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Channels.IntegrationTests.Hostile;

/// <summary>
/// The submission API under <see cref="SubmissionFuzzer"/>'s mutations, a fixed number of cases from a fixed seed: every
/// answer is 2xx or a 4xx problem+json; a refused request leaves no publication row, ledger row, archived copy,
/// orchestration, counted post or channel call; an accepted one stored no forbidden character.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class FuzzTests(ChannelsHost host, ITestOutputHelper output)
{
    public const int Cases = 300;

    [Fact]
    public async Task Fuzz_FixedSeed_EveryAnswer2xxOr4xxProblem_RefusalsLeaveNothing()
    {
        await host.Services.GetRequiredService<Channels.Publishing.Storage.ChannelsStorage>().EnsureCreatedAsync();
        var watch = Stopwatch.StartNew();
        var tables = new TableServiceClient(host.StorageConnectionString);
        var publications = tables.GetTableClient("publications");
        using var editor = host.Client(ChannelsHost.EditorKey);
        var refusedIds = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var c in SubmissionFuzzer.Generate(Cases, DateTimeOffset.UtcNow))
        {
            var rowsBefore = publications.Query<TableEntity>(select: ["PartitionKey"]).Count();
            using var content = new ByteArrayContent(c.Body);
            if (c.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            using var response = await (c.AsEditor ? editor : host.Api).PostAsync("/api/publications", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            var what = $"case {c.Index} ({c.Mutation}): {status} {(text.Length > 300 ? text[..300] : text)}";
            Assert.True(status is >= 200 and < 300 or >= 400 and < 500, what);
            var id = IdIn(c.Body);
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
                var problem = JsonDocument.Parse(text).RootElement;
                Assert.True(problem.TryGetProperty("title", out _) && problem.GetProperty("status").GetInt32() == status, what);
                if (status is 400 or 413 or 415 or 422)
                    Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), what);
                Assert.True(rowsBefore == publications.Query<TableEntity>(select: ["PartitionKey"]).Count(), "a refusal added a publication row: " + what);
                if (id is not null && ItemValidator.IsWellFormedId(id))
                {
                    await AssertNothingForAsync(tables, id, what);
                    refusedIds.Add(id);
                }
            }
            else
            {
                Assert.NotNull(id);
                var view = JsonDocument.Parse(await host.Api.GetStringAsync(PublicationsApi.StatusUrl(id))).RootElement.GetProperty("item");
                Assert.True(Strings(view).All(t => TextRules.FirstForbidden(t) is null), "an accepted item stored a forbidden character: " + what);
            }
        }

        var journal = (await host.JournalAllAsync()).Select(e => e.GetRawText()).ToList();
        Assert.DoesNotContain(journal, e => refusedIds.Any(id => e.Contains(id, StringComparison.Ordinal)));
        output.WriteLine($"{Cases} cases (seed {SubmissionFuzzer.Seed}) in {watch.Elapsed.TotalSeconds:F1} s; answers: "
            + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(statuses.Keys.Any(s => s < 300) && statuses.Keys.Count(s => s >= 400) >= 4,
            "the mutations should reach both acceptance and several refusals");
    }

    async Task AssertNothingForAsync(TableServiceClient tables, string id, string what)
    {
        using (var get = await host.Api.GetAsync(PublicationsApi.StatusUrl(id))) Assert.True(get.StatusCode == HttpStatusCode.NotFound, "publication visible: "
            + what);
        Assert.True(!tables.GetTableClient("deliveries").Query<TableEntity>(e => e.PartitionKey == id, select: ["PartitionKey"]).Any(), "ledger row: " + what);
        Assert.True(!tables.GetTableClient("delivered").Query<TableEntity>(e => e.GetString("ItemId") == id, select: ["PartitionKey"]).Any(), "counted: "
            + what);
        var archive = new BlobContainerClient(host.StorageConnectionString, "archive");
        Assert.True(!archive.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"items/{id}/", default).Any(),
            "archived: " + what);
        Assert.True(await host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(PublicationsApi.InstanceId(id)) is null, "orchestration: "
            + what);
    }

    /// <summary>Every string value of a JSON element, decoded (the raw text would show "\u000b", not the character).</summary>
    static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    static string? IdIn(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
