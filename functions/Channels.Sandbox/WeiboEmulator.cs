using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Channels.Sandbox;

/// <summary>
/// Sina Weibo v2 (contract reference §2): statuses/share.json and statuses/destroy.json, form-encoded, with the
/// platform's checks — 140 characters, a safe-domain URL, no #topic#, rip required, identical text refused (20019).
/// </summary>
public sealed partial class WeiboEmulator(IOptions<SandboxOptions> options, Journal journal, FaultBook faults)
{
    const string Channel = "weibo";
    readonly ConcurrentDictionary<string, string> postsById = new();
    readonly ConcurrentDictionary<string, string> idsByText = new();
    long counter = 4100000000000000;

    [GeneratedRegex(@"https?://([^/\s:]+)")]
    private static partial Regex UrlHost();

    [GeneratedRegex(@"#[^#\s]+#")]
    private static partial Regex Topic();

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/weibo/2/statuses/share.json", async (HttpRequest r) => await Share(await r.ReadFormAsync()));
        app.MapPost("/weibo/2/statuses/destroy.json", async (HttpRequest r) => await Destroy(await r.ReadFormAsync()));
    }

    Task<IResult> Share(IFormCollection form)
    {
        const string api = "statuses/share";
        var status = form["status"].ToString();
        if (form["access_token"] != options.Value.WeiboAccessToken) return Fail(api, 21332, "invalid_access_token", 403);
        if (status.Length == 0 || string.IsNullOrEmpty(form["rip"])) return Fail(api, 10016, "miss required parameter (status, rip)");
        if (status.Length > 140) return Fail(api, 20012, "Text too long, please input text less than 140 characters!");
        if (Topic().IsMatch(status)) return Fail(api, 10008, "param error: topic tags are not allowed in statuses/share"); // our choice of code
        var host = UrlHost().Match(status);
        if (!host.Success || !options.Value.WeiboSafeDomains.Contains(host.Groups[1].Value)) return Fail(api, 20018, "Contains illegal website!");
        if (idsByText.ContainsKey(status)) return Fail(api, 20019, "Repeated weibo text!");

        return FaultOutcome.RunAsync(faults, journal, Channel, api, code => Error(api, int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), "injected"), () =>
        {
            if (!idsByText.TryAdd(status, "")) return Task.FromResult(Error(api, 20019, "Repeated weibo text!"));
            var id = Interlocked.Increment(ref counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            idsByText[status] = id;
            postsById[id] = status;
            journal.Add(Channel, api, "ok", id, new { text = status });
            return Task.FromResult(Results.Json(Status(id, status)));
        });
    }

    Task<IResult> Destroy(IFormCollection form)
    {
        const string api = "statuses/destroy";
        if (form["access_token"] != options.Value.WeiboAccessToken) return Fail(api, 21332, "invalid_access_token", 403);
        var id = form["id"].ToString();
        if (!postsById.TryRemove(id, out var text)) return Fail(api, 20101, "Target weibo does not exist!");
        idsByText.TryRemove(text, out _);
        journal.Add(Channel, api, "ok", id, new { text });
        return Task.FromResult(Results.Json(Status(id, text)));
    }

    static JsonObject Status(string id, string text) => new()
    {
        ["created_at"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("ddd MMM dd HH:mm:ss +0800 yyyy", System.Globalization.CultureInfo.InvariantCulture),
        ["id"] = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), ["idstr"] = id, ["mid"] = id, ["text"] = text,
        ["source"] = "<a href=\"http://127.0.0.1\">Channels</a>", ["truncated"] = false,
        ["user"] = new JsonObject { ["id"] = 5001234567, ["screen_name"] = "芙蓉区政务发布" },
    };

    Task<IResult> Fail(string api, int code, string error, int http = 400)
    {
        journal.Add(Channel, api, code.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null);
        return Task.FromResult(Error(api, code, error, http));
    }

    static IResult Error(string api, int code, string error, int http = 400) => Results.Json(new JsonObject
    {
        ["request"] = $"/2/{api}.json", ["error_code"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture), ["error"] = error,
    }, statusCode: http);
}
