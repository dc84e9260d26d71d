using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Channels:Storage";

    /// <summary>Azure Storage connection string; Azurite's well-known one by default.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix for every table and container, so several environments can share one account (letters/digits).</summary>
    [RegularExpression("^[a-z0-9]{0,12}$")]
    public string Prefix { get; set; } = "";
}
