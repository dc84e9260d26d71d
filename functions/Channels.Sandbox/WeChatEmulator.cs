using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Channels.Sandbox;

/// <summary>
/// The WeChat Official Account API (contract reference §1): stable_token/token, draft/add|get|batchget|delete,
/// freepublish/submit|get|batchget|delete, message/mass/sendall. Errors are HTTP 200 with errcode.
/// </summary>
public sealed class WeChatEmulator(IOptions<SandboxOptions> options, Journal journal, FaultBook faults)
{
    const string Channel = "wechat";
    const string DefaultThumb = "sandbox-default-thumb";
    readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new();
    readonly ConcurrentDictionary<string, JsonArray> drafts = new();
    readonly ConcurrentDictionary<string, Publish> publishes = new();
    readonly ConcurrentDictionary<string, string> massByClientMsgId = new();
    readonly object gate = new();
    string? current;
    long counter;
    string? lastMassDay;

    sealed class Publish(JsonArray articles)
    {
        public JsonArray Articles { get; } = articles;
        public int Polls;
        public string ArticleId = "";
        public List<string> Urls = [];
        public bool Deleted;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/wechat/cgi-bin");
        g.MapPost("/stable_token", async (HttpRequest r) => Token(await Body(r), force: true));
        g.MapGet("/token", (string? appid, string? secret) => Token(new JsonObject { ["appid"] = appid, ["secret"] = secret }, force: false));
        g.MapPost("/draft/add", (HttpRequest r, string? access_token) => Call(r, access_token, "draft/add", DraftAdd));
        g.MapPost("/draft/get", (HttpRequest r, string? access_token) => Call(r, access_token, "draft/get", b =>
            drafts.TryGetValue(Str(b, "media_id"), out var a) ? Ok(new JsonObject { ["news_item"] = a.DeepClone() }) : Err(40007, "invalid media_id")));
        g.MapPost("/draft/delete", (HttpRequest r, string? access_token) => Call(r, access_token, "draft/delete", b =>
            drafts.TryRemove(Str(b, "media_id"), out _) ? Ok(new JsonObject()) : Err(40007, "invalid media_id")));
        g.MapPost("/draft/batchget", (HttpRequest r, string? access_token) => Call(r, access_token, "draft/batchget", _ =>
            Ok(new JsonObject { ["total_count"] = drafts.Count, ["item_count"] = drafts.Count,
                ["item"] = new JsonArray([.. drafts.Select(d => (JsonNode)new JsonObject { ["media_id"] = d.Key, ["content"] = new JsonObject { ["news_item"] = d.Value.DeepClone() } })]) })));
        g.MapPost("/freepublish/submit", (HttpRequest r, string? access_token) => Call(r, access_token, "freepublish/submit", Submit));
        g.MapPost("/freepublish/get", (HttpRequest r, string? access_token) => Call(r, access_token, "freepublish/get", Get));
        g.MapPost("/freepublish/batchget", (HttpRequest r, string? access_token) => Call(r, access_token, "freepublish/batchget", _ => BatchGet()));
        g.MapPost("/freepublish/delete", (HttpRequest r, string? access_token) => Call(r, access_token, "freepublish/delete", Delete));
        g.MapPost("/message/mass/sendall", (HttpRequest r, string? access_token) => Call(r, access_token, "message/mass/sendall", SendAll));
    }

    IResult Token(JsonObject body, bool force)
    {
        var o = options.Value;
        if (Str(body, "appid") != o.WeChatAppId) return Journaled("stable_token", Err(40013, "invalid appid"), "40013");
        if (Str(body, "secret") != o.WeChatAppSecret) return Journaled("stable_token", Err(40125, "invalid appsecret"), "40125");
        lock (gate)
        {
            var forceRefresh = force && body["force_refresh"]?.GetValueKind() == JsonValueKind.True;
            if (forceRefresh || current is null || tokens[current] <= DateTimeOffset.UtcNow)
            {
                if (current is not null) tokens.TryRemove(current, out _);
                current = $"sandbox-token-{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}";
                tokens[current] = DateTimeOffset.UtcNow.AddSeconds(o.TokenLifetimeSeconds);
            }

            var left = (int)(tokens[current] - DateTimeOffset.UtcNow).TotalSeconds;
            journal.Add(Channel, "stable_token", "ok", null, null);
            return Results.Json(new JsonObject { ["access_token"] = current, ["expires_in"] = left });
        }
    }

    async Task<IResult> Call(HttpRequest request, string? token, string api, Func<JsonObject, IResult> handler)
    {
        var body = await Body(request);
        if (token is null || !tokens.TryGetValue(token, out var expiry)) return Journaled(api, Err(40001, "invalid credential, access_token is invalid or not latest"), "40001");
        if (expiry <= DateTimeOffset.UtcNow) return Journaled(api, Err(42001, "access_token expired"), "42001");
        return await FaultOutcome.RunAsync(faults, journal, Channel, api, code => Err(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), "injected"), () => Task.FromResult(handler(body)));
    }

    IResult DraftAdd(JsonObject b)
    {
        if (b["articles"] is not JsonArray articles || articles.Count == 0) return Journaled("draft/add", Err(44003, "empty news data"), "44003");
        if (articles.Count > 8) return Journaled("draft/add", Err(45002, "too many articles (max 8)"), "45002");
        foreach (var a in articles.OfType<JsonObject>())
        {
            var content = Str(a, "content");
            if (Str(a, "title").Length == 0 || content.Length == 0) return Journaled("draft/add", Err(44003, "empty news data"), "44003");
            if (content.Length >= 20_000) return Journaled("draft/add", Err(45002, "content size out of limit"), "45002");
            if (Str(a, "thumb_media_id") != DefaultThumb) return Journaled("draft/add", Err(40007, "invalid media_id"), "40007");
        }

        var mediaId = $"draft-{Interlocked.Increment(ref counter)}";
        drafts[mediaId] = (JsonArray)articles.DeepClone();
        journal.Add(Channel, "draft/add", "ok", mediaId, new { titles = Titles(articles) });
        return Results.Json(new JsonObject { ["media_id"] = mediaId });
    }

    IResult Submit(JsonObject b)
    {
        if (!drafts.TryRemove(Str(b, "media_id"), out var articles)) return Journaled("freepublish/submit", Err(53503, "draft not found or already published"), "53503");
        var publishId = (2247483000 + Interlocked.Increment(ref counter)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        publishes[publishId] = new Publish(articles);
        journal.Add(Channel, "freepublish/submit", "ok", publishId, new { media_id = Str(b, "media_id"), titles = Titles(articles) });
        return Ok(new JsonObject { ["publish_id"] = publishId, ["msg_data_id"] = publishId + "01" });
    }

    IResult Get(JsonObject b)
    {
        var id = Str(b, "publish_id");
        if (!publishes.TryGetValue(id, out var p)) return Journaled("freepublish/get", Err(40002, "invalid publish_id"), "40002");
        lock (p)
        {
            if (p.Polls++ < options.Value.WeChatPublishPollsBeforeVerdict)
            {
                journal.Add(Channel, "freepublish/get", "ok", id, new { publish_status = 1 });
                return Ok(new JsonObject { ["publish_id"] = id, ["publish_status"] = 1 });
            }

            if (p.ArticleId.Length == 0)
            {
                p.ArticleId = $"article-{Interlocked.Increment(ref counter)}";
                p.Urls = p.Articles.Select(_ => $"https://mp.weixin.qq.com/s/sandbox{Interlocked.Increment(ref counter)}").ToList();
            }

            var status = p.Deleted ? 5 : 0;
            journal.Add(Channel, "freepublish/get", "ok", p.ArticleId, new { publish_status = status });
            return Ok(new JsonObject
            {
                ["publish_id"] = id, ["publish_status"] = status, ["article_id"] = p.ArticleId,
                ["article_detail"] = new JsonObject { ["count"] = p.Urls.Count,
                    ["item"] = new JsonArray([.. p.Urls.Select((u, i) => (JsonNode)new JsonObject { ["idx"] = i + 1, ["article_url"] = u })]) },
                ["fail_idx"] = new JsonArray(),
            });
        }
    }

    IResult BatchGet() => Ok(new JsonObject
    {
        ["total_count"] = publishes.Count(p => p.Value.ArticleId.Length > 0),
        ["item"] = new JsonArray([.. publishes.Values.Where(p => p.ArticleId.Length > 0).Select(p => (JsonNode)new JsonObject
        {
            ["article_id"] = p.ArticleId, ["content"] = new JsonObject { ["news_item"] = p.Articles.DeepClone() },
        })]),
    });

    IResult Delete(JsonObject b)
    {
        var p = publishes.Values.FirstOrDefault(p => p.ArticleId == Str(b, "article_id"));
        if (p is null) return Journaled("freepublish/delete", Err(53600, "invalid article_id"), "53600");
        p.Deleted = true;
        journal.Add(Channel, "freepublish/delete", "ok", p.ArticleId, null);
        return Ok(new JsonObject());
    }

    IResult SendAll(JsonObject b)
    {
        var clientMsgId = Str(b, "clientmsgid");
        if (clientMsgId.Length > 0 && massByClientMsgId.TryGetValue(clientMsgId, out var existing))
            return Journaled("message/mass/sendall", Results.Json(new JsonObject { ["errcode"] = 45065, ["errmsg"] = "clientmsgid exist", ["msg_id"] = existing }), "45065");
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        lock (gate)
        {
            if (lastMassDay == day) return Journaled("message/mass/sendall", Err(45028, "has no masssend quota"), "45028");
            lastMassDay = day;
        }

        var msgId = (1000000000 + Interlocked.Increment(ref counter)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (clientMsgId.Length > 0) massByClientMsgId[clientMsgId] = msgId;
        journal.Add(Channel, "message/mass/sendall", "ok", msgId, new { clientmsgid = clientMsgId });
        return Ok(new JsonObject { ["msg_id"] = msgId, ["msg_data_id"] = msgId + "01" });
    }

    IResult Journaled(string api, IResult result, string outcome)
    {
        journal.Add(Channel, api, outcome, null, null);
        return result;
    }

    static IResult Ok(JsonObject o)
    {
        o["errcode"] = 0;
        o["errmsg"] = "ok";
        return Results.Json(o);
    }

    static IResult Err(int code, string message) => Results.Json(new JsonObject { ["errcode"] = code, ["errmsg"] = $"{message} rid: sandbox" });

    static string[] Titles(JsonArray articles) => articles.OfType<JsonObject>().Select(a => Str(a, "title")).ToArray();

    static string Str(JsonObject o, string name) => o[name]?.GetValueKind() == JsonValueKind.String ? o[name]!.GetValue<string>() : o[name]?.ToJsonString() ?? "";

    static async Task<JsonObject> Body(HttpRequest r)
    {
        try
        {
            return await JsonNode.ParseAsync(r.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
