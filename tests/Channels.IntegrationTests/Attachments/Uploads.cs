using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Channels.IntegrationTests.Attachments;

/// <summary>Uploads files to POST /api/attachments the two ways the API takes them.</summary>
internal static class Uploads
{
    /// <summary>The raw bytes with the name in x-file-name (URL-encoded UTF-8).</summary>
    public static Task<HttpResponseMessage> RawAsync(HttpClient api, byte[] bytes, string? name, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/attachments") { Content = content };
        if (name is not null) request.Headers.Add("x-file-name", Uri.EscapeDataString(name));
        return api.SendAsync(request);
    }

    /// <summary>multipart/form-data with one part named "file", as a browser form posts it.</summary>
    public static Task<HttpResponseMessage> FormAsync(HttpClient api, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(new StringContent("补充说明"), "note");
        form.Add(file, "file", name);
        return api.PostAsync("/api/attachments", form);
    }

    /// <summary>Uploads and returns the answer's id; fails the test unless it was stored (201/200).</summary>
    public static async Task<JsonElement> StoredAsync(HttpClient api, byte[] bytes, string name)
    {
        var response = await RawAsync(api, bytes, name);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The problem's message for "file" of a refused upload.</summary>
    public static async Task<string> FileErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty("file")[0].GetString()!;
    }
}
