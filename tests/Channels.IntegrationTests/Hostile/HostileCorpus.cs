using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Channels.IntegrationTests.Hostile;

/// <summary>One case of the hostile-input corpus (Hostile/corpus/*.json; the keys are described in corpus/README.md).</summary>
public sealed record HostileCase(string Category, string Name, JsonObject Spec)
{
    public const string ScheduledBaseSetup = "scheduled-base";

    public string Method => Text("method") ?? "POST";
    public string Path => Text("path") ?? "/api/publications";
    public string? ContentType => Spec.TryGetPropertyValue("contentType", out var type) ? type?.GetValue<string>() : "application/json";
    public bool Chunked => Spec["chunked"]?.GetValue<bool>() ?? false;
    public string? Setup => Text("setup");

    /// <summary>Who sends the case: "editor" or "reader"; the admin key when absent.</summary>
    public string? Role => Text("role");
    public int Status => Spec["status"]!.GetValue<int>();
    public string Field => Text("field")!;

    /// <summary>"category: name", unique across the corpus; the theory's argument.</summary>
    public string Key => $"{Category}: {Name}";

    string? Text(string key) => Spec[key]?.GetValue<string>();
}

/// <summary>What goes on the wire for a case, and the item id it concerns (null when none can be read from it).</summary>
public sealed record HostileRequest(string Method, string Path, string? ContentType, byte[] Body, bool Chunked, string? ItemId);

internal static class HostileCorpus
{
    public const string IdPlaceholder = "{{id}}";

    static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly Lazy<IReadOnlyList<HostileCase>> Cases = new(Load);

    public static string Folder { get; } = System.IO.Path.Combine(RepoRoot.Path, "tests", "Channels.IntegrationTests", "Hostile", "corpus");

    public static IReadOnlyList<HostileCase> All => Cases.Value;

    public static HostileCase Find(string key) => All.Single(c => c.Key == key);

    /// <summary>base.json: a valid item whose id (and title) hold <see cref="IdPlaceholder"/>.</summary>
    public static JsonObject Base() => JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Folder, "base.json")))!.AsObject();

    /// <summary>The base item published a month from now and approved an hour ago: accepted, then only scheduled.</summary>
    public static JsonObject ScheduledBase(DateTimeOffset now)
    {
        var item = Base();
        var china = TimeSpan.FromHours(8);
        item["publishAt"] = Iso(now.ToOffset(china).AddDays(30));
        item["approval"]!["approvedAt"] = Iso(now.ToOffset(china).AddHours(-1));
        return item;
    }

    public static byte[] Utf8(JsonObject item, string id) => Encoding.UTF8.GetBytes(item.ToJsonString(Wire).Replace(IdPlaceholder, id,
        StringComparison.Ordinal));

    public static HostileRequest Build(HostileCase c, string id, DateTimeOffset now)
    {
        byte[] body;
        if (c.Spec["bodyBase64"] is { } base64) body = Convert.FromBase64String(base64.GetValue<string>());
        else if (c.Spec["body"] is { } raw) body = Encoding.UTF8.GetBytes(raw.GetValue<string>().Replace(IdPlaceholder, id, StringComparison.Ordinal));
        else
        {
            var item = c.Setup == HostileCase.ScheduledBaseSetup ? ScheduledBase(now) : Base();
            if (c.Spec["patch"] is JsonObject patch) Merge(item, patch);
            foreach (var fill in c.Spec["fill"]?.AsArray() ?? []) Fill(item, fill!.AsObject());
            foreach (var path in c.Spec["setNull"]?.AsArray() ?? []) Set(item, path!.GetValue<string>(), null);
            body = Utf8(item, id);
        }

        var target = c.Path.Replace(IdPlaceholder, id, StringComparison.Ordinal);
        var itemId = c.Path.Contains(IdPlaceholder, StringComparison.Ordinal) ? id
            : c.Method == "POST" && c.Path == "/api/publications" ? IdIn(body) : null;
        return new HostileRequest(c.Method, target, c.ContentType, body, c.Chunked, itemId);
    }

    static List<HostileCase> Load() =>
        Directory.GetFiles(Folder, "*.json")
            .Where(f => System.IO.Path.GetFileName(f) != "base.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray()
                .Select(n => new HostileCase(System.IO.Path.GetFileNameWithoutExtension(f), n!["name"]!.GetValue<string>(), n.AsObject())))
            .ToList();

    /// <summary>The first string "id" of a body that parses as a JSON object (duplicates allowed), else null.</summary>
    static string? IdIn(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces.</summary>
    static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null) target.Remove(key);
            else if (value is JsonObject child && target[key] is JsonObject existing) Merge(existing, child);
            else target[key] = value.DeepClone();
        }
    }

    /// <summary>Sets a dotted path to <c>repeat</c> × <c>count</c> (a string) or <c>format</c> over 0…count-1 (an array).</summary>
    static void Fill(JsonObject item, JsonObject fill)
    {
        var count = fill["count"]!.GetValue<int>();
        JsonNode value = fill["format"] is { } format
            ? new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)string.Format(CultureInfo.InvariantCulture, format.GetValue<string>(), i))
                .ToArray())
            : JsonValue.Create(string.Concat(Enumerable.Repeat(fill["repeat"]!.GetValue<string>(), count)));
        Set(item, fill["path"]!.GetValue<string>(), value);
    }

    static void Set(JsonObject item, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = item;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next) node[part] = next = [];
            node = next;
        }

        node[parts[^1]] = value;
    }

    static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
