using System.Text.Json;

namespace Channels.Publishing.Api;

/// <summary>
/// Finds a string a JSON document holds but .NET cannot read: a lone surrogate escape (\ud800) is valid JSON syntax,
/// yet reading it as a string throws InvalidOperationException (not JsonException) — which would surface as a 500.
/// </summary>
public static class JsonStrings
{
    /// <summary>The field path (items.sms.text, channels[1]) of the first unreadable string or property name, or null.</summary>
    public static string? FirstUnreadable(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(() => element.GetString()) ? null : Field(path);
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (!Readable(() => p.Name)) return Field(path);
                    if (FirstUnreadable(p.Value, path.Length == 0 ? Camel(p.Name) : $"{path}.{Camel(p.Name)}") is { } inner) return inner;
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var e in element.EnumerateArray())
                {
                    if (FirstUnreadable(e, $"{path}[{i}]") is { } inner) return inner;
                    i++;
                }

                return null;
            default:
                return null;
        }
    }

    static string Field(string path) => path.Length == 0 ? "body" : path;

    static string Camel(string name) => name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
