using System.Text.Json;
using Channels.Publishing.Items;
using Channels.Publishing.Ledger;

namespace Channels.Publishing.Proof;

/// <summary>
/// Proof of publication for 行政复议/诉讼: what was submitted (its SHA-256 and archived copy), who approved it, and
/// for every channel where and when it went out (platform id, URL, accepted and delivered times). SubmittedAt is when
/// the system received it and PublicAt when it first went public; Imported marks a historical import, whose publishAt
/// is the stated time of a publication made elsewhere (<see cref="ImportRule"/>), not one this system made. RecordHash is
/// the SHA-256 of this record without it and without GeneratedAt, so the same facts always give the same hash and a
/// printed or mailed copy can be checked against the system.
/// </summary>
public sealed record PublicationProof(
    string Id,
    string Title,
    string Publisher,
    string? DocumentNumber,
    DateTimeOffset PublishAt,
    string ContentHash,
    string ArchivedCopy,
    ApprovalRecord? Approval,
    DateTimeOffset SubmittedAt,
    bool Imported,
    DateTimeOffset? PublicAt,
    IReadOnlyList<ChannelProof> Channels,
    DateTimeOffset GeneratedAt,
    string RecordHash = "",
    IReadOnlyList<AttachmentProof>? Attachments = null)
{
    public static PublicationProof Build(PublicationRecord record, PublicationItem item, IEnumerable<DeliveryEntry> rows, DateTimeOffset now,
        IReadOnlyList<AttachmentProof>? attachments = null)
    {
        var byChannel = rows.ToDictionary(r => r.Channel, StringComparer.Ordinal);
        var channels = record.ChannelList.Select(c => byChannel.TryGetValue(c, out var r)
            ? new ChannelProof(c, r.State, r.PlatformId, r.Url, r.IntentAt, r.AcceptedAt, r.State == DeliveryState.Delivered ? r.FinishedAt : null, r.Attempts,
                r.Error)
            : new ChannelProof(c, "pending", null, null, null, null, null, 0, null)).ToList();
        var proof = new PublicationProof(record.Id, item.Title, item.Publisher, item.DocumentNumber, record.PublishAt, record.ContentHash,
            record.ArchiveBlob, item.Approval, record.SubmittedAt, record.Imported, channels.Where(c => c.DeliveredAt is not null).Select(c => c.DeliveredAt)
                .Min(),
            channels, now, Attachments: attachments is { Count: > 0 } ? attachments : null);
        return proof with { RecordHash = proof.ComputeHash() };
    }

    /// <summary>True when the record hash matches the rest of the record.</summary>
    public bool Verify() => RecordHash == ComputeHash();

    string ComputeHash() =>
        Items.ContentHash.OfText(JsonSerializer.Serialize(this with { RecordHash = "", GeneratedAt = default }, ChannelsJson.Options));
}

/// <summary>One channel's part of the proof. DeliveredAt is set only for a delivered post.</summary>
public sealed record ChannelProof(
    string Channel, string State, string? PlatformId, string? Url, DateTimeOffset? IntentAt, DateTimeOffset? AcceptedAt,
    DateTimeOffset? DeliveredAt, int Attempts, string? Error);

/// <summary>One attachment of the item: the name it was published under, its size, its SHA-256 and the site path it was offered at.</summary>
public sealed record AttachmentProof(string Name, long Size, string Sha256, string Path);
