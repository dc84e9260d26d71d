using Azure.Data.Tables;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.WeChat;

/// <summary>
/// msg_id → digest date, so a MASSSENDJOBFINISH push (which carries only MsgID) finds its digest. Table channelstate,
/// partition "wechat-mass", row = msg_id; written right after message/mass/sendall answers.
/// </summary>
public sealed class WeChatMassIndex(ChannelsStorage storage)
{
    public const string Partition = "wechat-mass";

    public async Task SaveAsync(string msgId, string date, CancellationToken ct)
    {
        await storage.ChannelState.UpsertEntityAsync(new TableEntity(Partition, msgId) { ["Date"] = date }, TableUpdateMode.Replace, ct);
    }

    public async Task<string?> DateOfAsync(string msgId, CancellationToken ct)
    {
        var row = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(Partition, msgId, ["Date"], ct);
        return row.HasValue ? row.Value!.GetString("Date") : null;
    }
}
