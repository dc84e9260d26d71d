using Channels.Publishing.Channels.Website;
using Channels.Publishing.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Api;

/// <summary>
/// Security headers on every response either host sends (API answers, the site and bulletin exports served by the
/// local host, proof and report pages, the dashboard): X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer,
/// and a Content-Security-Policy starting from default-src 'none'. Generated HTML pages (site, bulletin, proof,
/// report) carry no script: they get their inline &lt;style&gt; and images from our own origin and storage, nothing
/// else. Everything else (JSON, XML, feeds, files) may load nothing and is sandboxed. A handler that sets its own
/// policy (the dashboard: its own scripts and API calls) keeps it. Set when the response starts, so the content type
/// the handler chose decides.
/// </summary>
public sealed class SecurityHeaders(IOptions<WebsiteOptions> site, ChannelsStorage storage)
{
    public const string ReferrerPolicy = "no-referrer";
    public const string NoneCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

    /// <summary>For generated pages: inline styles, images from this origin, the site's origin and the archive's, no script.</summary>
    public string PageCsp { get; } = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' "
        + string.Join(' ', new[] { site.Value.BaseUrl, storage.Archive.Uri.AbsoluteUri }.Select(Origin).Distinct(StringComparer.Ordinal))
        + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static string Origin(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);

    /// <summary>Registers the headers to be added when <paramref name="ctx"/>'s response starts.</summary>
    public void Apply(HttpContext ctx)
    {
        var response = ctx.Response;
        response.OnStarting(() =>
        {
            var h = response.Headers;
            h.XContentTypeOptions = "nosniff";
            if (string.IsNullOrEmpty(h["Referrer-Policy"])) h["Referrer-Policy"] = ReferrerPolicy;
            if (string.IsNullOrEmpty(h.ContentSecurityPolicy))
            {
                var html = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                h.ContentSecurityPolicy = html ? PageCsp : NoneCsp;
            }

            return Task.CompletedTask;
        });
    }
}

public static class SecurityHeadersExtensions
{
    /// <summary>Adds <see cref="SecurityHeaders"/> to every response of this app (first in the pipeline: refusals get them too).</summary>
    public static IApplicationBuilder UseChannelsSecurityHeaders(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        ctx.RequestServices.GetRequiredService<SecurityHeaders>().Apply(ctx);
        return next(ctx);
    });
}
