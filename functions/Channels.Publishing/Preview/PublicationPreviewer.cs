using Channels.Publishing.Api;
using Channels.Publishing.Channels;
using Channels.Publishing.Channels.Bulletin;
using Channels.Publishing.Channels.Sms;
using Channels.Publishing.Channels.WeChat;
using Channels.Publishing.Channels.Website;
using Channels.Publishing.Channels.Weibo;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;

namespace Channels.Publishing.Preview;

/// <summary>
/// What a submission of an item would meet and send, computed with the submission's own checks
/// (<see cref="PublicationsApi.CheckAsync"/>, the import rule, the SMS audience resolution, the id already taken) and the
/// publishers' own rendering (each publisher's render step, the one its SendAsync uses). Reads only: nothing is stored,
/// no platform is called, nothing is counted.
/// </summary>
public sealed class PublicationPreviewer(
    PublicationsApi submissions, PublicationStore store, IEnumerable<IChannelPublisher> publishers, Columns.ColumnCatalogue columns, TimeProvider time,
    SmsAudienceResolver? audiences = null)
{
    readonly IReadOnlyList<IChannelPublisher> channels = [.. publishers];

    /// <param name="mayImport">The caller may submit a historical import (admin).</param>
    public async Task<PublicationPreview> PreviewAsync(PublicationItem item, bool mayImport, CancellationToken ct)
    {
        (item, var checks) = await submissions.CheckAsync(item, ct);
        var problems = checks.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        if (item.PublishAt is { } at && ImportRule.IsImport(at, now) && !mayImport) Add(problems, "publishAt", ImportRule.Refusal);
        if (ItemValidator.IsWellFormedId(item.Id) && await store.FindAsync(item.Id, ct) is { } taken && taken.ContentHash != ContentHash.Of(item))
            Add(problems, "id", $"id“{item.Id}”已用于内容不同的信息；请使用新的编号");

        // Rendered as it would go out; an item still being written gets a stand-in id and time so every channel shows something.
        var shown = item with { Id = ItemValidator.IsWellFormedId(item.Id) ? item.Id : "preview", PublishAt = item.PublishAt ?? now };
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var channel in item.Channels.Where(c => ChannelNames.All.Contains(c)).Distinct(StringComparer.Ordinal))
        {
            try
            {
                result[channel] = await RenderAsync(channel, shown, problems, ct);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
            {
                result[channel] = new ChannelUnavailable($"无法生成预览：{e.Message}");
            }
        }

        return new PublicationPreview(problems.Count == 0, problems, result);
    }

    async Task<object> RenderAsync(string channel, PublicationItem item, Dictionary<string, string[]> problems, CancellationToken ct) => channel switch
    {
        ChannelNames.Website => await WebsiteAsync(item, ct),
        ChannelNames.WeChat => await WeChatAsync(item, problems, ct),
        ChannelNames.Weibo => Weibo(item),
        ChannelNames.Sms => await SmsAsync(item, problems, ct),
        ChannelNames.Bulletin => await BulletinAsync(item, ct),
        _ => new ChannelUnavailable("未知渠道"),
    };

    T Publisher<T>() where T : IChannelPublisher => channels.OfType<T>().Single();

    async Task<object> WebsiteAsync(PublicationItem item, CancellationToken ct)
    {
        // Columns the catalogue does not know are problems already; the page shows the known ones.
        var set = await columns.ForNamesAsync(item.Columns, activeOnly: false, ct);
        var known = item with { Columns = [.. item.Columns.Where(c => set.Find(c) is not null)] };
        var (path, url, html) = await Publisher<WebsitePublisher>().RenderAsync(known, ct);
        return new WebsitePreview(path, url, html);
    }

    async Task<object> WeChatAsync(PublicationItem item, Dictionary<string, string[]> problems, CancellationToken ct)
    {
        var (article, tooLong, notes) = await Publisher<WeChatPublisher>().PreviewAsync(item, ct);
        if (tooLong is not null) Add(problems, "body", tooLong);
        return new WeChatPreview(article.title, article.digest, article.author, article.content, article.content_source_url, notes);
    }

    object Weibo(PublicationItem item)
    {
        var text = Publisher<WeiboPublisher>().StatusOf(item);
        return new WeiboPreview(text, WeiboTextLength.Count(text), WeiboTextLength.Max);
    }

    async Task<object> SmsAsync(PublicationItem item, Dictionary<string, string[]> problems, CancellationToken ct)
    {
        var sms = Publisher<SmsPublisher>();
        var catalog = sms.Catalog;
        if (item.Sms is null) return new SmsPreview(null, null, null, null, null, null, null, null, catalog.SignName, 0);

        // The numbers it goes to: named audiences resolved and the opt-out list applied, as at submission.
        var (resolved, unknown) = audiences is null ? (item, null) : await audiences.ResolveAsync(item, ct);
        foreach (var (field, messages) in unknown ?? []) foreach (var m in messages) Add(problems, field, m);
        var recipients = (resolved ?? item).Sms!.Audience.Select(a => PhoneNumbers.Normalise(a ?? "")).OfType<string>().Distinct().Count();

        var (message, _) = catalog.Resolve(item.Sms);
        if (message is null) return new SmsPreview(null, null, item.Sms.Template, null, null, item.Sms.Params, null, null, catalog.SignName, recipients);
        var template = catalog.Find(message.TemplateId);
        return new SmsPreview(message.Text, message.Body, message.TemplateId, template?.Name, template?.Text, message.Params, message.Length, message.Segments,
            catalog.SignName, recipients);
    }

    async Task<object> BulletinAsync(PublicationItem item, CancellationToken ct)
    {
        var (path, url, html) = await Publisher<BulletinPublisher>().RenderAsync(item, ct);
        return new BulletinPreview(path, url, html, item.Bulletin?.Boards ?? []);
    }

    static void Add(Dictionary<string, string[]> problems, string field, string message) =>
        problems[field] = problems.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
