using Microsoft.AspNetCore.Http;

namespace Channels.Publishing.Api;

/// <summary>
/// Reads a request body up to a limit whether or not it declares its length: a chunked body has no Content-Length,
/// so the limit is enforced on the bytes as they arrive, and reading stops as soon as it is passed.
/// </summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is (or says it is) longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
