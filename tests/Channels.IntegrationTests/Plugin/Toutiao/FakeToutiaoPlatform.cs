using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Channels.IntegrationTests.Plugin.Toutiao;

/// <summary>
/// A tiny HTTP platform for the sixth channel, on its own loopback port: articles posted with a client reference,
/// a review that publishes each article after <see cref="ReviewPolls"/> status reads, lookup by client reference,
/// delete. Faults: the next N posts answer 503 after storing the article (the answer is lost), or answer 422.
/// A made-up API for this test, not Toutiao's real one.
/// </summary>
public sealed class FakeToutiaoPlatform : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, Article> articles = new(StringComparer.Ordinal);
    int lostAnswers, refusals, next;

    public sealed record Article(string Id, string ClientRef, string Title)
    {
        public int Reads { get; set; }
        public bool Deleted { get; set; }
    }

    FakeToutiaoPlatform()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/articles", PostAsync);
        app.MapGet("/articles", (string clientRef) =>
            articles.Values.FirstOrDefault(a => a.ClientRef == clientRef && !a.Deleted) is { } a ? Results.Json(new { id = a.Id }) : Results.NotFound());
        app.MapGet("/articles/{id}", (string id) => articles.TryGetValue(id, out var a) && !a.Deleted ? Results.Json(Status(a)) : Results.NotFound());
        app.MapDelete("/articles/{id}", (string id) =>
        {
            if (!articles.TryGetValue(id, out var a) || a.Deleted) return Results.NotFound();
            a.Deleted = true;
            return Results.NoContent();
        });
    }

    /// <summary>Status reads an article stays "reviewing" before it is published.</summary>
    public int ReviewPolls { get; set; } = 1;

    public string BaseUrl => app.Urls.First() + "/";

    /// <summary>Every article ever posted (deleted ones too).</summary>
    public IReadOnlyList<Article> Articles => [.. articles.Values];

    public static async Task<FakeToutiaoPlatform> StartAsync()
    {
        var platform = new FakeToutiaoPlatform();
        await platform.app.StartAsync();
        return platform;
    }

    /// <summary>The next <paramref name="count"/> posts store the article, then answer 503 (the caller cannot know it went through).</summary>
    public void LoseAnswers(int count) => Interlocked.Exchange(ref lostAnswers, count);

    /// <summary>The next <paramref name="count"/> posts are refused with 422 (nothing stored).</summary>
    public void Refuse(int count) => Interlocked.Exchange(ref refusals, count);

    async Task<IResult> PostAsync(HttpRequest request)
    {
        using var json = await JsonDocument.ParseAsync(request.Body);
        var clientRef = json.RootElement.GetProperty("clientRef").GetString() ?? "";
        if (Interlocked.Decrement(ref refusals) >= 0) return Results.Json(new { error = "标题含有不允许的内容" }, statusCode: 422);
        var article = new Article($"tt{Interlocked.Increment(ref next):D6}", clientRef, json.RootElement.GetProperty("title").GetString() ?? "");
        articles[article.Id] = article;
        return Interlocked.Decrement(ref lostAnswers) >= 0 ? Results.StatusCode(503) : Results.Json(new { id = article.Id }, statusCode: 201);
    }

    object Status(Article a)
    {
        var published = ++a.Reads > ReviewPolls;
        return new { id = a.Id, status = published ? "published" : "reviewing", url = published ? $"https://toutiao.example/a/{a.Id}" : null };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
