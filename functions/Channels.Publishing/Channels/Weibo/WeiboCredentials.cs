using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Channels.Publishing.Storage;
using Microsoft.Extensions.Options;

namespace Channels.Publishing.Channels.Weibo;

/// <summary>
/// Weibo's access token can only be renewed by a person (OAuth in a browser). Once the platform says it is expired or
/// invalid, that is recorded in table channelstate (weibo/credentials) against a hash of the configured token, and
/// every later item fails at once with the same Chinese reason instead of calling Weibo again (no retry storm).
/// Configuring a new token (a different hash) lifts the hold by itself.
/// </summary>
public sealed class WeiboCredentials(ChannelsStorage storage, IOptions<WeiboOptions> options) : IChannelResumer
{
    public const string Partition = "weibo";
    public const string Row = "credentials";

    public string Channel => Items.ChannelNames.Weibo;

    /// <summary>The reason the current token is held, or null when it may be used.</summary>
    public async Task<string?> HeldReasonAsync(CancellationToken ct)
    {
        var row = await storage.ChannelState.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        return row.HasValue && row.Value?.GetString("TokenHash") == TokenHash() ? row.Value.GetString("Reason") : null;
    }

    public async Task<string> HoldAsync(WeiboApiException e, CancellationToken ct)
    {
        var reason = $"微博凭据已失效（{e.Code}{Explain(e.Code)}），已暂停微博发布，未重试；请管理员重新授权并更新 AccessToken 后重新发布";
        await storage.ChannelState.UpsertEntityAsync(new TableEntity(Partition, Row)
        {
            ["TokenHash"] = TokenHash(), ["Code"] = e.Code, ["Reason"] = reason, ["Message"] = e.Message,
        }, TableUpdateMode.Replace, ct);
        return reason;
    }

    /// <summary>An admin has renewed the authorisation: lifts the hold. False when there was none.</summary>
    public async Task<bool> ResumeAsync(CancellationToken ct)
    {
        var response = await storage.ChannelState.DeleteEntityAsync(Partition, Row, Azure.ETag.All, ct);
        return response.Status != 404;
    }

    static string Explain(int code) => code switch
    {
        21327 or 21315 => "：授权已过期",
        21332 => "：access_token 无效",
        21301 => "：认证失败",
        21316 or 21319 => "：授权已被撤销",
        21317 => "：授权被拒绝",
        _ => "",
    };

    string TokenHash() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AccessToken)))[..16];
}
