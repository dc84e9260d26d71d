using System.Text.RegularExpressions;

namespace Channels.Publishing.Attachments;

/// <summary>
/// A stored attachment as the API answers it: id "sha256:&lt;hex&gt;", the sanitised name it was uploaded with, size in
/// bytes, Content-Type, kind (pdf|ofd|doc|docx|xls|xlsx|wps|et|png|jpeg|gif) and the SHA-256 of its bytes (hex).
/// </summary>
public sealed partial record AttachmentInfo(string Id, string Name, long Size, string ContentType, string Kind, string Sha256)
{
    public const string Prefix = "sha256:";

    public static string IdOf(string sha256) => Prefix + sha256;

    /// <summary>The hex digest of a well-formed id ("sha256:" + 64 lower-case hex digits), else null.</summary>
    public static string? HashOf(string? id) => id is not null && IdPattern().IsMatch(id) ? id[Prefix.Length..] : null;

    [GeneratedRegex(@"\Asha256:[0-9a-f]{64}\z")]
    private static partial Regex IdPattern();
}
