using Channels.Publishing.Items;

namespace Channels.Publishing.Attachments;

/// <summary>
/// The item's attachments field: at most <see cref="MaxPerItem"/>, each a well-formed id of a stored upload, none twice, a display
/// name a file could have, and the website among the channels (the files are downloaded from the item's page, which WeChat
/// and the bulletin notice point to). Errors name attachments[i].id / attachments[i].name, in Chinese.
/// </summary>
public static class AttachmentRules
{
    public const int MaxPerItem = 20;

    /// <summary>What can be told without storage.</summary>
    public static void Check(ValidationProblems p, PublicationItem item)
    {
        if (item.Attachments is not { Count: > 0 } list) return;
        if (list.Count > MaxPerItem) p.Add("attachments", $"附件不能超过{MaxPerItem}个（现有{list.Count}个）");
        if (!item.Channels.Contains(ChannelNames.Website))
            p.Add("attachments", "附件须在网站发布供下载（微信文章和公开栏通知都指向网站页面）：请同时选择 website 渠道");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a is null)
            {
                p.Add($"attachments[{i}]", "附件不能为空（null）");
                continue;
            }

            if (AttachmentInfo.HashOf(a.Id) is null) p.Add($"attachments[{i}].id", "附件 id 格式不正确：应为上传附件时返回的 id（sha256:64位十六进制）");
            else if (!seen.Add(a.Id)) p.Add($"attachments[{i}].id", "同一附件不能重复添加");
            if (a.Name is { } name && (FileNames.Sanitize(name).Name is not { } safe || safe != name.Trim()))
                p.Add($"attachments[{i}].name", $"附件显示名不能为空，不超过{FileNames.MaxLength}个字符，且不能包含控制字符、路径或 <>:\"/\\|?*#% 等字符");
        }
    }

    /// <summary>Each well-formed id must name a stored upload: "unknown" is only known by asking storage.</summary>
    public static async Task CheckStoredAsync(ValidationProblems p, PublicationItem item, AttachmentStore store, CancellationToken ct)
    {
        if (item.Attachments is not { Count: > 0 } list) return;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i]?.Id is { } id && AttachmentInfo.HashOf(id) is not null && await store.FindByIdAsync(id, ct) is null)
                p.Add($"attachments[{i}].id", $"没有 id 为“{id}”的附件：请先上传文件（POST /api/attachments），再引用返回的 id");
        }
    }
}
