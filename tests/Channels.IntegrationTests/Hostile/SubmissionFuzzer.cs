using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Channels.IntegrationTests.Hostile;

/// <summary>One generated request: what was mutated (for the failure message), the bytes, and who sends it.</summary>
internal sealed record FuzzCase(int Index, string Mutation, string? ContentType, byte[] Body, bool AsEditor);

/// <summary>
/// A deterministic, seeded generator of mutated submissions: each case starts from a valid item (scheduled a month
/// ahead, so an accepted case only waits on its timer) and applies one to three mutations — value types, missing and
/// unknown fields, hostile characters (controls, noncharacters, bidi and zero-width marks, markup, quotes), sizes,
/// nesting, arrays, dates, raw-byte encodings (truncation, invalid UTF-8, BOM, UTF-16, wrong content types),
/// duplicate keys, and the editor role. The same seed always gives the same sequence of mutations.
/// </summary>
internal static class SubmissionFuzzer
{
    public const int Seed = 19_2026;

    static readonly string[] Fields =
    [
        "id", "title", "body", "summary", "columns", "publisher", "documentNumber", "indexNumber", "documentCategory", "publishAt", "formedAt",
        "interprets", "priority", "incidentAt", "channels", "sms", "sms.audience", "sms.audiences", "sms.text", "bulletin", "bulletin.boards",
        "approval", "approval.author", "approval.reviewer", "approval.approver", "approval.approvedAt", "approval.confidentialityReview.passed",
    ];

    static readonly string[] TextFields =
        ["title", "body", "summary", "publisher", "documentNumber", "indexNumber", "sms.text", "approval.author", "approval.reviewer", "approval.approver",
            "id"];

    static readonly string[] DateFields = ["publishAt", "formedAt", "incidentAt", "approval.approvedAt"];

    static readonly string[] Nasty =
    [
        "\u000b", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\ufffe", "\uffff", "\ufdd0", "\u202e", "\u200b", "\ufeff", "😀", "𠀀", "\u0301",
        "<script>alert(1)</script>", "\"", "\\", "'", "%00", "../../etc/passwd", "\r\n", "\u3000", "Ａ", "【", "】", "<img src=x onerror=alert(1)>",
    ];

    static JsonNode?[] Values() =>
    [
        0, -1, 1e308, true, false, null, new JsonArray(), new JsonObject(), "", "x", new JsonArray(1, 2), new JsonObject { ["a"] = 1 },
            "2017-05-10T09:00:00+08:00",
    ];

    public static IEnumerable<FuzzCase> Generate(int count, DateTimeOffset now, int seed = Seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var item = HostileCorpus.ScheduledBase(now);
            item["channels"] = new JsonArray("website", "weibo", "sms");
            var notes = new List<string>();
            var editor = false;
            string? contentType = "application/json";
            Func<byte[], byte[]>? encode = null;
            var rounds = 1 + random.Next(3);
            for (var r = 0; r < rounds; r++)
            {
                switch (random.Next(11))
                {
                    case 0:
                    {
                        var (field, value) = (Pick(random, Fields), Pick(random, Values()));
                        Set(item, field, value?.DeepClone());
                        notes.Add($"type {field}={value?.ToJsonString() ?? "null"}");
                        break;
                    }

                    case 1:
                    {
                        var field = Pick(random, Fields);
                        Remove(item, field);
                        notes.Add($"remove {field}");
                        break;
                    }

                    case 2:
                    {
                        var key = Pick(random, ["__proto__", "$type", "constructor", "Title", "TITLE", "x-extra", "ïd"]);
                        item[key] = Pick(random, Values())?.DeepClone();
                        notes.Add($"unknown field {key}");
                        break;
                    }

                    case 3:
                    {
                        var field = Pick(random, TextFields);
                        var nasty = Pick(random, Nasty);
                        var current = Get(item, field) is JsonValue v && v.TryGetValue<string>(out var s) ? s : "正文";
                        var at = random.Next(current.Length + 1);
                        Set(item, field, current[..at] + nasty + current[at..]);
                        notes.Add($"char {field}+U+{(int)nasty[0]:X4}");
                        break;
                    }

                    case 4:
                    {
                        var field = Pick(random, TextFields);
                        var size = Pick(random, [0, 1, 101, 501, 20_001, 200_001, 600_000]);
                        Set(item, field, new string(Pick(random, ['x', '汛', ' ', '<']), size));
                        notes.Add($"size {field}={size}");
                        break;
                    }

                    case 5:
                    {
                        var field = Pick(random, Fields);
                        var depth = Pick(random, [1, 3, 15, 40]);
                        JsonNode node = "x";
                        for (var d = 0; d < depth; d++) node = random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
                        Set(item, field, node);
                        notes.Add($"nest {field} depth {depth}");
                        break;
                    }

                    case 6:
                    {
                        var field = Pick(random, ["columns", "channels", "sms.audience", "sms.audiences", "bulletin.boards"]);
                        var n = Pick(random, [0, 2, 60, 1_000, 12_000]);
                        var element = Pick(random, ["通知公告", "website", "13800000001", "residents", "公告栏", "", "wechat"]);
                        Set(item, field, new JsonArray(Enumerable.Range(0, n).Select(k => (JsonNode?)(random.Next(3) == 0 ? element + k : element)).ToArray()));
                        notes.Add($"array {field}×{n}");
                        break;
                    }

                    case 7:
                    {
                        var field = Pick(random, DateFields);
                        var iso = (DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                        JsonNode? value = Pick(random,
                        [
                            "2017-05-10", "2017-05-10T09:00:00", "1999-12-31T23:59:59Z", "2200-01-01T00:00:00+08:00", "now", iso(now.AddHours(1)),
                            iso(now.AddDays(-2)), iso(now.AddMinutes(-30)), "2017-02-30T09:00:00+08:00", "0001-01-01T00:00:00Z",
                        ]);
                        if (random.Next(8) == 0) value = 1494378000;
                        Set(item, field, value);
                        notes.Add($"date {field}={value?.ToJsonString()}");
                        break;
                    }

                    case 8:
                    {
                        var kind = random.Next(6);
                        (encode, contentType) = kind switch
                        {
                            0 => (b => b[..random.Next(b.Length)], contentType),
                            1 => (b => [.. b[..(b.Length / 2)], Pick(random, [(byte)0xFF, (byte)0xC0, (byte)0x80, (byte)0xED]), .. b[(b.Length / 2)..]],
                                contentType),
                            2 => (b => [0xEF, 0xBB, 0xBF, .. b], contentType),
                            3 => (b => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b)), "application/json; charset=utf-16"),
                            4 => (encode, Pick(random, ["text/plain", "application/x-www-form-urlencoded", "application/json-patch+json", null])),
                            _ => (b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("{\"id\"", "{\"title\":\"重复\",\"title\":1,\"id\"",
                                StringComparison.Ordinal)), contentType),
                        };
                        notes.Add($"encoding {kind}");
                        break;
                    }

                    default:
                        editor = true;
                        notes.Add("as editor");
                        break;
                }
            }

            var id = $"fuzz-{i:D4}-{Guid.NewGuid():N}"[..28];
            var body = HostileCorpus.Utf8(item, id);
            yield return new FuzzCase(i, string.Join("; ", notes), contentType, encode is null ? body : encode(body), editor);
        }
    }

    static T Pick<T>(Random random, IReadOnlyList<T> options) => options[random.Next(options.Count)];

    static JsonNode? Get(JsonObject item, string path)
    {
        JsonNode? node = item;
        foreach (var part in path.Split('.')) node = node is JsonObject o ? o[part] : null;
        return node;
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

    static void Remove(JsonObject item, string path)
    {
        var parts = path.Split('.');
        var node = item;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next) return;
            node = next;
        }

        node.Remove(parts[^1]);
    }
}
