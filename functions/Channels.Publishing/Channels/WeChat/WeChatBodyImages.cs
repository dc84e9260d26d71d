using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Ledger;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// WeChat keeps only images hosted by itself in an article (contract reference §1.4/§1.5): before draft/add each
/// &lt;img src&gt; of the sanitised body that is not on mmbiz.qpic.cn is uploaded with media/uploadimg and its src
/// replaced by the returned URL. No SSRF: an image is read only from our own storage — the site's $web container
/// (src under Channels:Website:BaseUrl) or the archive container — through the Blob SDK, never fetched from the URL.
/// jpg/png under 1 MB only. Uploaded URLs are kept per image SHA-256 (table channelstate, partition "wechat-img"),
/// so a retry does not upload again. An image that cannot be used is dropped from the WeChat body with a note in the
/// delivery history; that is not a failure.
/// </summary>
public sealed class WeChatBodyImages(WeChatClient client, ChannelsStorage storage, IOptions<WebsiteOptions> site, TimeProvider time)
{
    public const string CachePartition = "wechat-img";
    const long MaxBytes = 1024 * 1024;
    const int MaxImages = 30;

    /// <summary>The body with every image on WeChat's own host (or dropped); notes go into the entry's history.</summary>
    public Task<string> PrepareAsync(string html, DeliveryEntry entry, CancellationToken ct) =>
        RewriteAsync(html, src => UploadAsync(src, upload: true, ct), note => DeliveryHistory.Append(entry, time.GetUtcNow(), note));

    /// <summary>
    /// What <see cref="PrepareAsync"/> would make of the body, without uploading: an image already uploaded gets its
    /// WeChat URL, one that would be uploaded keeps its own address, one that would be dropped is dropped with its note.
    /// </summary>
    public async Task<(string Html, IReadOnlyList<string> Notes)> PreviewAsync(string html, CancellationToken ct)
    {
        var notes = new List<string>();
        var result = await RewriteAsync(html, src => UploadAsync(src, upload: false, ct), notes.Add);
        return (result, notes);
    }

    async Task<string> RewriteAsync(string html, Func<string, Task<(string? Url, string? Problem)>> upload, Action<string> note)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase)) return html;
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body!;
        var images = body.QuerySelectorAll("img").ToList();
        for (var i = 0; i < images.Count; i++)
        {
            var img = images[i];
            var src = img.GetAttribute("src") ?? "";
            if (IsWeChatHosted(src)) continue;
            var (url, problem) = i < MaxImages ? await upload(src) : (null, $"超过{MaxImages}张");
            if (url is not null)
            {
                img.SetAttribute("src", url);
                continue;
            }

            if (problem is null) continue; // preview: would be uploaded, keeps its own address here
            img.Remove();
            note($"微信正文图片未上传，已从微信正文中去除（不影响发布）：{Shorten(src)}，原因：{problem}");
        }

        return body.InnerHtml;
    }

    static bool IsWeChatHosted(string src) =>
        Uri.TryCreate(src, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && string.Equals(u.Host, "mmbiz.qpic.cn",
            StringComparison.OrdinalIgnoreCase);

    /// <summary>The image's WeChat URL (uploaded now unless <paramref name="upload"/> is false) or why it cannot be used; both null: not uploaded.</summary>
    async Task<(string? Url, string? Problem)> UploadAsync(string src, bool upload, CancellationToken ct)
    {
        if (Locate(src) is not { } blob) return (null, "图片不在本站或归档存储中，出于安全不抓取外部地址");
        byte[] bytes;
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
            if (properties.Value.ContentLength >= MaxBytes) return (null, "图片超过1MB");
            bytes = (await blob.DownloadContentAsync(ct)).Value.Content.ToArray();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return (null, "图片不存在");
        }

        var format = Format(bytes);
        if (format is null) return (null, "仅支持 JPG/PNG 格式");
        if (bytes.Length >= MaxBytes) return (null, "图片超过1MB");

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var cached = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(CachePartition, hash, ["Url"], ct);
        if (cached.HasValue && cached.Value!.GetString("Url") is { } known) return (known, null);
        if (!upload) return (null, null);
        try
        {
            var url = await client.UploadImageAsync(bytes, $"{hash[..16]}.{format}", format == "png" ? "image/png" : "image/jpeg", ct);
            await storage.ChannelState.UpsertEntityAsync(new TableEntity(CachePartition, hash) { ["Url"] = url }, TableUpdateMode.Replace, ct);
            return (url, null);
        }
        catch (WeChatApiException e) when (e.ErrCode is 40005 or 40009)
        {
            return (null, $"微信拒收（errcode {e.ErrCode}）");
        }
    }

    /// <summary>The blob an image src names, when it lies in our own storage; null for anything else.</summary>
    BlobClient? Locate(string src)
    {
        var siteBase = new Uri(site.Value.BaseUrl.TrimEnd('/') + "/");
        if (!Uri.TryCreate(siteBase, src, out var url) || url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0) return null;
        return Within(url, siteBase) is { } page ? Blob(storage.Web, page)
            : Within(url, new Uri(storage.Archive.Uri.AbsoluteUri.TrimEnd('/') + "/")) is { } archived ? Blob(storage.Archive, archived)
            : null;
    }

    static string? Within(Uri url, Uri root)
    {
        if (Uri.Compare(url, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0) return null;
        if (!url.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal)) return null;
        var name = Uri.UnescapeDataString(url.AbsolutePath[root.AbsolutePath.Length..]);
        return name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ? null : name;
    }

    static BlobClient Blob(BlobContainerClient container, string name) => container.GetBlobClient(name);

    static string? Format(byte[] b) =>
        b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47 ? "png"
        : b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "jpg"
        : null;

    static string Shorten(string src) => src.Length > 120 ? src[..120] + "…" : src;
}
