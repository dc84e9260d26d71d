using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Channels.Publishing.Items;

/// <summary>The one JSON setup of the API, the archive and the ledger: camelCase, CJK written as-is.</summary>
public static class ChannelsJson
{
    public static readonly JsonSerializerOptions Options = Create();

    static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 16,
            RespectNullableAnnotations = true,

            // {"approver": "张伟", "approver": "李明"} is refused, not read as whichever came last.
            AllowDuplicateProperties = false,
        };
        o.Converters.Add(new StrictDateTimeOffsetConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}

/// <summary>Accepts only ISO 8601 instants that carry an offset (…Z or …+08:00): a bare local time is ambiguous.</summary>
public sealed class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (s is null || s.Length < 20 || !HasOffset(s) ||
            !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new JsonException("expected an ISO 8601 date-time with an offset, e.g. 2017-03-01T09:30:00+08:00");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    static bool HasOffset(string s) => s.EndsWith('Z') || s.EndsWith('z') || s[^6] is '+' or '-' && s[^3] == ':';
}
