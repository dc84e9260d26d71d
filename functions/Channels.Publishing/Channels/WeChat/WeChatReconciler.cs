namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// Finds what a call whose response was lost created. Every article carries the item's own website URL as its
/// content_source_url (unique per item), so a draft or publication is matched by it: draft/batchget after a lost
/// draft/add, freepublish/batchget after a lost freepublish/submit. Newest first, a bounded number of pages.
/// </summary>
public sealed class WeChatReconciler(WeChatClient client)
{
    const int PageSize = 20;
    const int MaxPages = 50; // 1,000 newest: a burst (a replay, a storm of items) can push the lost one deep

    /// <summary>The media_id of the draft holding the article with this source URL, or null.</summary>
    public async Task<string?> FindDraftAsync(string sourceUrl, CancellationToken ct) =>
        (await FindAsync("draft/batchget", sourceUrl, ct))?.Entry.Id;

    /// <summary>The article_id and article URL of the publication holding the article with this source URL, or null.</summary>
    public async Task<(string ArticleId, string? Url)?> FindPublishedAsync(string sourceUrl, CancellationToken ct) =>
        await FindAsync("freepublish/batchget", sourceUrl, ct) is { } hit ? (hit.Entry.Id, hit.Article.Url) : null;

    async Task<(WeChatPageEntry Entry, WeChatNewsItem Article)?> FindAsync(string api, string sourceUrl, CancellationToken ct)
    {
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await client.BatchGetAsync(api, page * PageSize, PageSize, ct);
            foreach (var entry in result.Entries)
            {
                if (entry.Articles.FirstOrDefault(a => a.ContentSourceUrl == sourceUrl) is { } article) return (entry, article);
            }

            if ((page + 1) * PageSize >= result.Total) break;
        }

        return null;
    }
}
