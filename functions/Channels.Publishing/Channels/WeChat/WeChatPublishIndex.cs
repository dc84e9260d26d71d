using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// publish_id → item, so a PUBLISHJOBFINISH push (which carries only the publish_id) finds its publication.
/// Table channelstate, partition "wechat-publish", row = publish_id; written right after freepublish/submit answers.
/// </summary>
public sealed class WeChatPublishIndex(ChannelsStorage storage)
{
    public const string Partition = "wechat-publish";

    public async Task SaveAsync(string publishId, string itemId, CancellationToken ct)
    {
        await storage.ChannelState.UpsertEntityAsync(new TableEntity(Partition, publishId) { ["ItemId"] = itemId }, TableUpdateMode.Replace, ct);
    }

    public async Task<string?> ItemOfAsync(string publishId, CancellationToken ct)
    {
        var row = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(Partition, publishId, ["ItemId"], ct);
        return row.HasValue ? row.Value!.GetString("ItemId") : null;
    }
}
