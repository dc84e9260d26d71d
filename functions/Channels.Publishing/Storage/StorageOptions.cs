using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Storage;

/// <summary>
/// Where Channels keeps its tables and containers. Either a connection string (Azurite locally, the default) or,
/// in Azure, the account's Blob and Table endpoints reached with a managed identity (no account key anywhere).
/// When both endpoints are set they win over the connection string.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Channels:Storage";

    /// <summary>Azure Storage connection string; Azurite's well-known one by default.</summary>
    public string? ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Blob endpoint for identity-based access, e.g. https://account.blob.core.windows.net/.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Table endpoint for identity-based access, e.g. https://account.table.core.windows.net/.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty = the credential's default identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prefix for every table and container, so several environments can share one account (letters/digits).</summary>
    [RegularExpression("^[a-z0-9]{0,12}$")]
    public string Prefix { get; set; } = "";

    /// <summary>
    /// Create the tables and containers on first use (locally). In Azure the infrastructure declares them and the app's
    /// identity holds data roles on exactly those, not on the account, so it sets this to false.
    /// </summary>
    public bool CreateResources { get; set; } = true;

    /// <summary>True when both endpoints are set: the clients use a token credential instead of the connection string.</summary>
    public bool UsesServiceUris => !string.IsNullOrWhiteSpace(BlobServiceUri) && !string.IsNullOrWhiteSpace(TableServiceUri);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var blob = !string.IsNullOrWhiteSpace(BlobServiceUri);
        var table = !string.IsNullOrWhiteSpace(TableServiceUri);
        if (blob != table)
        {
            var missing = blob ? nameof(TableServiceUri) : nameof(BlobServiceUri);
            yield return new ValidationResult($"{missing} is required when {(blob ? nameof(BlobServiceUri) : nameof(TableServiceUri))} is set.", [missing]);
        }
        else if (!blob && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"Set {nameof(ConnectionString)}, or both {nameof(BlobServiceUri)} and {nameof(TableServiceUri)}.", [nameof(ConnectionString)]);
        }

        foreach (var (name, value) in new[] { (nameof(BlobServiceUri), BlobServiceUri), (nameof(TableServiceUri), TableServiceUri) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsHttpUri(value))
                yield return new ValidationResult($"{name} must be an absolute http(s) URL.", [name]);
        }
    }

    static bool IsHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
