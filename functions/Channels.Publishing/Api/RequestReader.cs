using System.Text.Json;
using Channels.Publishing.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Channels.Publishing.Api;

/// <summary>Reads a publication item from a request body; syntax and type errors name the JSON field.</summary>
public static class RequestReader
{
    public const int MaxBodyBytes = 1 << 20;

    public sealed record Result(PublicationItem? Item, int Status, string? Field, string? Message);

    public static async Task<Result> ReadItemAsync(HttpRequest request, CancellationToken ct)
    {
        if (!IsUtf8Json(request.ContentType)) return new(null, 415, "body", "请求须为 application/json（UTF-8 编码）");
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, ct) is not { } bytes) return new(null, 413, "body", $"请求体不能超过{MaxBodyBytes / 1024}KB");

        try
        {
            // Syntax first, so a truncated or malformed body is reported as such, not as the last field read.
            using var _ = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return new(null, 400, "body", $"请求体不是合法的 JSON（第{e.LineNumber + 1}行第{e.BytePositionInLine + 1}字节附近）");
        }

        try
        {
            var item = JsonSerializer.Deserialize<PublicationItem>(bytes, ChannelsJson.Options);
            return item is null ? new(null, 400, "body", "请求体不能为空（null）") : new(item, 200, null, null);
        }
        catch (InvalidOperationException)
        {
            // Not expected (the serializer reports undecodable strings as JsonException with their path); never a 500.
            return new(null, 400, "body", "请求体含有无法读取的字符串");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return new(null, 400, field, $"JSON 格式或类型错误：{field}（{Reason(e)}）");
        }
    }

    /// <summary>application/json exactly (not application/jsonp, not …-patch+json), in UTF-8 if a charset is given.</summary>
    static bool IsUtf8Json(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || type.Charset.Equals("utf8",
            StringComparison.OrdinalIgnoreCase));

    static string Reason(JsonException e) => e.InnerException?.Message ?? e.Message.Split(". Path:")[0];
}
