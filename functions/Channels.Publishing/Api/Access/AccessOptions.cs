namespace Channels.Publishing.Api.Access;

/// <summary>
/// Keys per role, sent in the x-api-key header (locally from CHANNELS_KEY_EDITOR / _ADMIN / _READER; in Azure from
/// Key Vault references), and whether to trust the Easy Auth principal header (only where the platform sets it
/// and strips a client's own copy, i.e. App Service / Functions authentication switched on).
/// </summary>
public sealed class AccessOptions
{
    public const string SectionName = "Channels:Access";

    public string? EditorKey { get; set; }
    public string? AdminKey { get; set; }
    public string? ReaderKey { get; set; }

    /// <summary>
    /// Trust X-MS-CLIENT-PRINCIPAL (Easy Auth); roles come from its "roles" claims: Channels.Editor, Channels.Admin,
    /// Channels.Reader. Has no effect unless the platform reports Easy Auth switched on (never on the local host).
    /// </summary>
    public bool TrustEasyAuthPrincipal { get; set; }

    public bool AnyKey => !string.IsNullOrEmpty(EditorKey) || !string.IsNullOrEmpty(AdminKey) || !string.IsNullOrEmpty(ReaderKey);
}
