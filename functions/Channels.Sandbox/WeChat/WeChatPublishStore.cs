using System.Globalization;
using Channels.Sandbox.Infrastructure;

namespace Channels.Sandbox.WeChat;

/// <summary>A snapshot of a publication. Status: 1 publishing, 0 published, 5 published then all articles deleted.</summary>
internal sealed record WeChatPublishView(
    string PublishId, string MsgDataId, string ArticleId, int Status, IReadOnlyList<WeChatArticle> Articles,
    IReadOnlyList<string> Urls, IReadOnlyList<bool> Deleted, long UpdateTime);

internal enum WeChatDeleteResult
{
    Deleted,
    UnknownArticle,
    BadIndex,
}

/// <summary>
/// Publications (freepublish). freepublish/get answers 1 for the first WeChatPublishPollsBeforeVerdict polls of a
/// publish_id, then 0 (or 5 once every article is deleted). article_id and the article URLs are fixed at submit.
/// </summary>
internal sealed class WeChatPublishStore(SandboxOptions options, SandboxIds ids) : IResettable
{
    sealed class Publication(long seq, string publishId, string msgDataId, string articleId, IReadOnlyList<WeChatArticle> articles, IReadOnlyList<string> urls,
        long time)
    {
        public long Seq { get; } = seq;
        public string PublishId { get; } = publishId;
        public string MsgDataId { get; } = msgDataId;
        public string ArticleId { get; } = articleId;
        public IReadOnlyList<WeChatArticle> Articles { get; } = articles;
        public IReadOnlyList<string> Urls { get; } = urls;
        public long Time { get; } = time;
        public bool[] Deleted { get; } = new bool[articles.Count];
        public int Polls { get; set; }
        public bool AllDeleted => Deleted.All(d => d);
    }

    readonly Dictionary<string, Publication> byPublishId = new(StringComparer.Ordinal);
    readonly Dictionary<string, Publication> byArticleId = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public WeChatPublishView Submit(IReadOnlyList<WeChatArticle> articles, long now)
    {
        var seq = ids.Next("wechat-publish");
        var publishId = (2_247_483_647L + seq).ToString(CultureInfo.InvariantCulture);
        var msgDataId = (2_247_490_000L + seq).ToString(CultureInfo.InvariantCulture);
        var articleId = $"sandbox-article-{seq:D6}";
        var urls = articles.Select(_ => "https://mp.weixin.qq.com/s/" + SandboxIds.RandomToken(22)).ToList();
        var publication = new Publication(seq, publishId, msgDataId, articleId, articles, urls, now);
        lock (gate)
        {
            byPublishId[publishId] = publication;
            byArticleId[articleId] = publication;
            return View(publication);
        }
    }

    /// <summary>freepublish/get: counts the poll and answers the status it yields; null for an unknown publish_id.</summary>
    public WeChatPublishView? Poll(string? publishId)
    {
        if (publishId is null) return null;
        lock (gate)
        {
            if (!byPublishId.TryGetValue(publishId, out var p)) return null;
            if (p.Polls < options.WeChatPublishPollsBeforeVerdict)
            {
                p.Polls++;
                return View(p) with { Status = 1 };
            }

            return View(p);
        }
    }

    /// <summary>The job has finished (it is being pushed): freepublish/get answers the verdict from now on.</summary>
    public WeChatPublishView? Complete(string publishId)
    {
        lock (gate)
        {
            if (!byPublishId.TryGetValue(publishId, out var p)) return null;
            p.Polls = Math.Max(p.Polls, options.WeChatPublishPollsBeforeVerdict);
            return View(p);
        }
    }

    public WeChatPublishView? FindByArticle(string? articleId)
    {
        if (articleId is null) return null;
        lock (gate)
        {
            return byArticleId.TryGetValue(articleId, out var p) ? View(p) : null;
        }
    }

    /// <summary>
    /// Publications not wholly deleted, newest first. Our choice: they are listed from submit on (the sandbox's
    /// publishing "completes" in the background), so a client that lost its publish_id can still reconcile.
    /// </summary>
    public (int Total, IReadOnlyList<WeChatPublishView> Page) Page(int offset, int count)
    {
        lock (gate)
        {
            var live = byPublishId.Values.Where(p => !p.AllDeleted).OrderByDescending(p => p.Seq).ToList();
            return (live.Count, live.Skip(offset).Take(count).Select(View).ToList());
        }
    }

    /// <summary>freepublish/delete: index 1-based; 0 deletes every article of the publication.</summary>
    public WeChatDeleteResult Delete(string? articleId, int index)
    {
        if (articleId is null) return WeChatDeleteResult.UnknownArticle;
        lock (gate)
        {
            if (!byArticleId.TryGetValue(articleId, out var p)) return WeChatDeleteResult.UnknownArticle;
            if (index < 0 || index > p.Articles.Count) return WeChatDeleteResult.BadIndex;
            if (index == 0) Array.Fill(p.Deleted, true);
            else p.Deleted[index - 1] = true;
            return WeChatDeleteResult.Deleted;
        }
    }

    WeChatPublishView View(Publication p) => new(
        p.PublishId, p.MsgDataId, p.ArticleId, p.Polls < options.WeChatPublishPollsBeforeVerdict ? 1 : p.AllDeleted ? 5 : 0,
        p.Articles, p.Urls, p.Deleted.ToArray(), p.Time);

    public void Reset()
    {
        lock (gate)
        {
            byPublishId.Clear();
            byArticleId.Clear();
        }
    }
}
