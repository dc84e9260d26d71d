using System.ComponentModel.DataAnnotations;

namespace Channels.Publishing.Channels.Bulletin;

public sealed class BulletinOptions
{
    public const string SectionName = "Channels:Bulletin";

    /// <summary>The government that issues the boards' notices and the gazette: "{Issuer}公报", "{Issuer}信息公开栏".</summary>
    [Required, StringLength(30, MinimumLength = 2)]
    public string Issuer { get; set; } = "人民政府";
}
