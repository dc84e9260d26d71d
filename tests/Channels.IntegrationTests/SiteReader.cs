using System.Net;
using System.Text.RegularExpressions;

namespace Channels.IntegrationTests;

/// <summary>Reads the generated static site through the host's /site/ endpoint, following the column pagers.</summary>
internal sealed partial class SiteReader(HttpClient api)
{
    /// <summary>The BaseUrl the test host is configured with (Channels:Website:BaseUrl).</summary>
    public const string BaseUrl = "http://127.0.0.1:7071/site/";

    [GeneratedRegex(@"items/([A-Za-z0-9._-]+)\.html")]
    private static partial Regex ItemLink();

    [GeneratedRegex(@"href=""(index(?:_[0-9]+)?\.html)""")]
    private static partial Regex PageLink();

    public async Task<string> GetAsync(string path)
    {
        using var response = await api.GetAsync("/site/" + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The /site/ path of an absolute site URL.</summary>
    public static string PathOf(string url)
    {
        Assert.StartsWith(BaseUrl, url, StringComparison.Ordinal);
        return url[BaseUrl.Length..];
    }

    /// <summary>Item ids linked from a page, in page order.</summary>
    public static List<string> ItemIds(string html) => ItemLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Every page of a column (file name → html), found by following the pager links from index.html.</summary>
    public async Task<Dictionary<string, string>> ColumnPagesAsync(string slug)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["index.html"]);
        while (queue.TryDequeue(out var file))
        {
            if (pages.ContainsKey(file)) continue;
            var html = await GetAsync($"columns/{slug}/{file}");
            pages[file] = html;
            foreach (Match m in PageLink().Matches(html)) queue.Enqueue(m.Groups[1].Value);
        }

        return pages;
    }
}
