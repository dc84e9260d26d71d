namespace Channels.Publishing.Channels.Website;

/// <summary>A sitemap URL and its last modification (the newest publishAt shown at it).</summary>
public sealed record SitemapUrl(string Loc, DateTimeOffset LastMod);

/// <summary>Sitemap protocol 0.9 documents: a &lt;urlset&gt; shard (≤ 50,000 URLs) and the &lt;sitemapindex&gt; that lists shards.</summary>
public static class SitemapXml
{
    public const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const int MaxUrls = 50_000;

    public static string UrlSet(IEnumerable<SitemapUrl> urls) => FeedRenderer.Write(w =>
    {
        w.WriteStartElement("urlset", Ns);
        foreach (var u in urls.Take(MaxUrls))
        {
            w.WriteStartElement("url", Ns);
            w.WriteElementString("loc", Ns, u.Loc);
            w.WriteElementString("lastmod", Ns, FeedRenderer.W3c(u.LastMod));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    public static string Index(IEnumerable<string> shardUrls) => FeedRenderer.Write(w =>
    {
        w.WriteStartElement("sitemapindex", Ns);
        foreach (var loc in shardUrls)
        {
            w.WriteStartElement("sitemap", Ns);
            w.WriteElementString("loc", Ns, loc);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });
}
