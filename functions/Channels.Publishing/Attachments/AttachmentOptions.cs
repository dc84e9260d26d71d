using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Attachments;

/// <summary>Channels:Attachments — uploads of 附件 (docs/attachments.md).</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Channels:Attachments";

    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (20 MB by default); a larger upload gets 413.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
