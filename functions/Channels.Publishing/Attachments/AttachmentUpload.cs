using Channels.Publishing.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Channels.Publishing.Attachments;

/// <summary>
/// Reads an uploaded file from a request: the raw bytes with the name in x-file-name (URL-encoded UTF-8), or
/// multipart/form-data with one part named "file" (a browser form: the name from its Content-Disposition, filename*
/// first). The size limit holds on the bytes as they arrive, whatever Content-Length says.
/// </summary>
public static class AttachmentUpload
{
    public const string NameHeader = "x-file-name";

    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    const int MultipartOverhead = 64 * 1024;

    public sealed record Result(byte[]? Bytes, string? Name, int Status = 200, string? Refusal = null);

    public static async Task<Result> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        var tooBig = new Result(null, null, 413, $"文件不能超过{Megabytes(maxBytes)}");
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            if (request.ContentLength > maxBytes + MultipartOverhead) return tooBig;
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) return new(null, null, 400, "multipart/form-data 请求缺少 boundary");
            return await ReadMultipartAsync(request, boundary, maxBytes, ct) ?? tooBig;
        }

        if (request.ContentLength > maxBytes) return tooBig;
        var bytes = await RequestBody.ReadAsync(request, (int)Math.Min(maxBytes, int.MaxValue), ct);
        return bytes is null ? tooBig : new(bytes, FileNames.DecodeHeader(request.Headers[NameHeader].FirstOrDefault()));
    }

    static async Task<Result?> ReadMultipartAsync(HttpRequest request, string boundary, long maxBytes, CancellationToken ct)
    {
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        Result? found = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
                {
                    await section.Body.CopyToAsync(Stream.Null, ct);
                    continue;
                }

                if (found is not null) return new(null, null, 422, "只能上传一个文件（表单中有多个 file 部分）");
                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var bytes = await ReadLimitedAsync(section.Body, maxBytes, ct);
                if (bytes is null) return null;
                found = new(bytes, name);
            }
        }
        catch (IOException)
        {
            return new(null, null, 400, "multipart/form-data 请求格式错误");
        }

        return found ?? new(null, null, 422, "表单中没有名为 file 的文件");
    }

    static async Task<byte[]?> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string Megabytes(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)}MB" : $"{bytes / 1024}KB";
}
