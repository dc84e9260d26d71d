using System.Text;
using Channels.Publishing.Items;
using static Channels.Publishing.Channels.Website.PageHtml;

namespace Channels.Publishing.Proof;

/// <summary>The printable 发布证明 page of a <see cref="PublicationProof"/>; times in Beijing time.</summary>
public static class ProofPage
{
    /// <summary>
    /// The page; <paramref name="office"/> (Channels:Office:Name) heads it and is named as the issuer when set; channels are
    /// named by their labels in <paramref name="channels"/> (null: the five built-in channels).
    /// </summary>
    public static string Html(PublicationProof p, string? office = null, Channels.ChannelCatalog? channels = null)
    {
        channels ??= Channels.ChannelCatalog.BuiltIn;
        var issuer = string.IsNullOrWhiteSpace(office) ? "" : office.Trim();
        static string T(DateTimeOffset? t) => t is { } v ? ChinaTime.Format(v) : "—";
        var rows = new StringBuilder();
        foreach (var c in p.Channels)
        {
            rows.Append("<tr><td>").Append(E(channels.Label(c.Channel))).Append("</td><td>").Append(E(c.State))
                .Append("</td><td>").Append(E(c.PlatformId ?? "—")).Append("</td><td>").Append(E(c.Url ?? "—"))
                .Append("</td><td>").Append(T(c.AcceptedAt)).Append("</td><td>").Append(T(c.DeliveredAt)).Append("</td></tr>\n");
        }

        var a = p.Approval;
        var review = a?.ConfidentialityReview?.Passed == true ? "通过" : "未通过";
        var main = $"""
            <h1>政府信息发布证明</h1>
            <table>
            <tr><th>信息编号</th><td>{E(p.Id)}</td></tr>
            <tr><th>标题</th><td>{E(p.Title)}</td></tr>
            <tr><th>发布机构</th><td>{E(p.Publisher)}</td></tr>
            <tr><th>文号</th><td>{E(p.DocumentNumber ?? "—")}</td></tr>
            <tr><th>发布时间</th><td>{T(p.PublishAt)}{(p.Imported ? "（历史信息导入：此时间为原发布时间，由渠道管理员导入时申报）" : "（编辑申报）")}</td></tr>
            <tr><th>系统受理时间</th><td>{T(p.SubmittedAt)}</td></tr>
            <tr><th>实际公开时间</th><td>{T(p.PublicAt)}{(p.Imported ? "（导入时各渠道的送达时间）" : "（各渠道最早送达时间）")}</td></tr>
            <tr><th>记录性质</th><td>{(p.Imported ? "历史信息导入（非本系统当时发布）" : "本系统发布")}</td></tr>
            <tr><th>审批</th><td>撰稿：{E(a?.Author)}　审核：{E(a?.Reviewer)}　签发：{E(a?.Approver)}（{T(a?.ApprovedAt)}）　保密审查：{(
                a?.ConfidentialityReview?.Passed == true ? "通过" : "未通过")}</td></tr>
            <tr><th>内容摘要值（SHA-256）</th><td><code>{E(p.ContentHash)}</code></td></tr>
            <tr><th>存档副本</th><td><code>{E(p.ArchivedCopy)}</code></td></tr>
            </table>
            <h2>各渠道发布记录</h2>
            <table>
            <tr><th>渠道</th><th>状态</th><th>平台编号</th><th>地址</th><th>平台受理时间</th><th>送达时间</th></tr>
            {rows}</table>
            {Attachments.AttachmentHtml.Proof(p.Attachments)}
            <p class="meta">本证明由{E(issuer)}政府信息公开发布系统于{T(p.GeneratedAt)}（北京时间）根据投递台账生成。记录校验值（SHA-256）：<code>{E(p.RecordHash)}</code></p>
            """;
        return Frame("政府信息发布证明", issuer.Length > 0 ? issuer : "政府信息公开发布系统", "#", main);
    }
}
