using Channels.Publishing.Items;
using Channels.Publishing.Storage;

namespace Channels.Publishing.Channels.Bulletin;

/// <summary>
/// Withdraws the item's A4 notice and takes it out of its day's issue and its month's gazette (both recomposed; the
/// issue keeps its number). Paper already posted must be taken down by hand: the note says where.
/// </summary>
public sealed class BulletinRetractor(ChannelsStorage storage, BulletinExports exports) : IChannelRetractor
{
    public string Channel => ChannelNames.Bulletin;

    public async Task<RetractStep> RetractAsync(RetractJob job, CancellationToken ct)
    {
        var item = job.Delivery.Item;
        var date = ChinaTime.Date(item.PublishAt!.Value);
        var number = await exports.RemoveAsync(item, ct);
        await storage.Bulletin.DeleteBlobIfExistsAsync(BulletinRenderer.ItemPath(date, item.Id), cancellationToken: ct);
        var china = ChinaTime.ToChina(item.PublishAt!.Value);
        var boards = item.Bulletin?.Boards is { Count: > 0 } b ? string.Join("、", b) : "各公开栏";
        return RetractStep.Retracted(
            $"已撤下电子版，并从{BulletinRenderer.IssueName(date, number)}（{date}）张贴材料和" +
            $"{GazetteRenderer.PeriodName(china.Year, china.Month)}公报中移除；已张贴的纸质公告请到{boards}人工撤下");
    }
}
